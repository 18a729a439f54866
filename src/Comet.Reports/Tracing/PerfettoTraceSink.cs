using Comet.Sim;
using Google.Protobuf;

namespace Comet.Reports.Tracing;

/// <summary>Streams trace records as Perfetto's native protobuf trace (a <c>Trace</c> of <c>TracePacket</c>s): one track per component instance under one track per component, each record a begin/end slice pair, 1 cycle written as 1 ns.</summary>
/// <remarks>
/// The messages are hand-written with <see cref="CodedOutputStream"/> from the few fields of Perfetto's schema they need
/// (protos/perfetto/trace/trace_packet.proto, track_event/track_event.proto, track_descriptor.proto,
/// debug_annotation.proto, interned_data.proto), so no code generation is needed. Every packet is on one sequence;
/// event names, categories and argument names are interned (sent once, then referred to by number), which is what
/// makes the file about half the size of <c>trace.json</c>. Slices that would not nest on an instance's track go to
/// extra tracks (<c>GEMM[3] #1</c>) by the same rule as <see cref="ChromeTraceSink"/>. Track ids are handed out in
/// first-seen order, so identical record sequences give byte-identical files. A slice's begin packet is written when
/// the record arrives, its end packet right after it; Perfetto sorts packets by timestamp when it loads the file.
/// </remarks>
public sealed class PerfettoTraceSink : ITraceSink
{
    // Trace.packet
    private const int TracePacketField = 1;

    // TracePacket
    private const int PacketTimestamp = 8;
    private const int PacketSequenceId = 10;
    private const int PacketTrackEvent = 11;
    private const int PacketInternedData = 12;
    private const int PacketSequenceFlags = 13;
    private const int PacketTrackDescriptor = 60;

    // TracePacket.SequenceFlags
    private const uint IncrementalStateCleared = 1;
    private const uint NeedsIncrementalState = 2;

    // TrackDescriptor
    private const int TrackUuid = 1;
    private const int TrackName = 2;
    private const int TrackParentUuid = 5;

    // TrackEvent and TrackEvent.Type
    private const int EventCategoryIids = 3;
    private const int EventDebugAnnotations = 4;
    private const int EventType = 9;
    private const int EventNameIid = 10;
    private const int EventTrackUuid = 11;
    private const uint SliceBegin = 1;
    private const uint SliceEnd = 2;

    // InternedData: each entry is {iid = 1, name = 2}.
    private const int InternedCategories = 1;
    private const int InternedEventNames = 2;
    private const int InternedAnnotationNames = 3;
    private const int InternedIid = 1;
    private const int InternedName = 2;

    // DebugAnnotation
    private const int AnnotationNameIid = 1;
    private const int AnnotationIntValue = 4;
    private const int AnnotationStringValue = 6;

    private const uint SequenceId = 1;
    private const ulong RootTrack = 1;

    // Argument names, interned once in the first packet.
    private const ulong TensorArgument = 1;
    private const ulong TileArgument = 2;
    private const ulong BytesArgument = 3;
    private const ulong StallReasonArgument = 4;
    private static readonly string[] ArgumentNames = ["tensor", "tile", "bytes", "stall_reason"];

    /// <summary>Name of the root track, which states the time scale.</summary>
    public const string RootTrackName = "Comet simulation (timestamps: 1 ns = 1 cycle)";

    private readonly Stream _stream;
    private readonly bool _leaveOpen;
    private readonly CodedOutputStream _out;
    private readonly Dictionary<string, ChromeTraceProcess> _components = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ulong> _eventNames = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ulong> _categories = new(StringComparer.Ordinal);
    private int _nextUuid = (int)RootTrack + 1;
    private bool _disposed;

    /// <summary>Creates (or overwrites) the file at <paramref name="path"/>.</summary>
    public PerfettoTraceSink(string path)
        : this(new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read, bufferSize: 1), leaveOpen: false)
    {
    }

    /// <summary>Writes to <paramref name="stream"/>; disposing the sink flushes and closes the stream unless <paramref name="leaveOpen"/>.</summary>
    public PerfettoTraceSink(Stream stream, bool leaveOpen = false)
    {
        ArgumentNullException.ThrowIfNull(stream);
        _stream = stream;
        _leaveOpen = leaveOpen;
        _out = new CodedOutputStream(stream, 1 << 18, leaveOpen: true);
        WritePreamble();
    }

    /// <summary>Number of slices written.</summary>
    public long Records { get; private set; }

    /// <inheritdoc />
    public void Write(in TraceRecord record)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (record.End < record.Start)
            throw new ArgumentException($"trace record ends ({record.End}) before it starts ({record.Start})", nameof(record));
        if (record.Start < 0)
            throw new ArgumentException($"trace record starts at a negative cycle ({record.Start})", nameof(record));
        var track = TrackOf(record);
        var activity = ActivityNames.Of(record.Activity);
        var name = record.Operation.Length > 0 ? record.Operation : activity;
        var newName = !_eventNames.TryGetValue(name, out var nameIid);
        if (newName)
            _eventNames.Add(name, nameIid = (ulong)_eventNames.Count + 1);
        var newCategory = !_categories.TryGetValue(activity, out var categoryIid);
        if (newCategory)
            _categories.Add(activity, categoryIid = (ulong)_categories.Count + 1);

        // Arguments as trace.json carries them: name is the operation (or activity) and the category the activity.
        var tensorSize = record.Tensor.Length > 0 ? StringAnnotationSize(TensorArgument, record.Tensor) : 0;
        var tileSize = record.Tile >= 0 ? IntAnnotationSize(TileArgument, record.Tile) : 0;
        var bytesSize = IntAnnotationSize(BytesArgument, record.Bytes);
        var reasonSize = record.Detail.Length > 0 ? StringAnnotationSize(StallReasonArgument, record.Detail) : 0;
        var eventSize = VarintField(EventType, SliceBegin) + VarintField(EventTrackUuid, track) + VarintField(EventNameIid, nameIid)
            + VarintField(EventCategoryIids, categoryIid)
            + Nested(EventDebugAnnotations, tensorSize) + Nested(EventDebugAnnotations, tileSize)
            + Nested(EventDebugAnnotations, bytesSize) + Nested(EventDebugAnnotations, reasonSize);
        var internedSize = (newCategory ? Nested(InternedCategories, InternedEntrySize(categoryIid, activity)) : 0)
            + (newName ? Nested(InternedEventNames, InternedEntrySize(nameIid, name)) : 0);

        BeginPacket((ulong)record.Start, NeedsIncrementalState, (internedSize > 0 ? Nested(PacketInternedData, internedSize) : 0) + Nested(PacketTrackEvent, eventSize));
        if (internedSize > 0)
        {
            BeginNested(PacketInternedData, internedSize);
            if (newCategory)
                WriteInternedEntry(InternedCategories, categoryIid, activity);
            if (newName)
                WriteInternedEntry(InternedEventNames, nameIid, name);
        }
        BeginNested(PacketTrackEvent, eventSize);
        WriteVarint(EventType, SliceBegin);
        WriteVarint(EventTrackUuid, track);
        WriteVarint(EventNameIid, nameIid);
        WriteVarint(EventCategoryIids, categoryIid);
        if (tensorSize > 0)
            WriteStringAnnotation(tensorSize, TensorArgument, record.Tensor);
        if (tileSize > 0)
            WriteIntAnnotation(tileSize, TileArgument, record.Tile);
        WriteIntAnnotation(bytesSize, BytesArgument, record.Bytes);
        if (reasonSize > 0)
            WriteStringAnnotation(reasonSize, StallReasonArgument, record.Detail);

        var endSize = VarintField(EventType, SliceEnd) + VarintField(EventTrackUuid, track);
        // An end refers to no interned data, so it needs no sequence flags.
        BeginPacket((ulong)record.End, null, Nested(PacketTrackEvent, endSize));
        BeginNested(PacketTrackEvent, endSize);
        WriteVarint(EventType, SliceEnd);
        WriteVarint(EventTrackUuid, track);
        Records++;
    }

    /// <inheritdoc />
    public void Flush()
    {
        if (_disposed)
            return;
        _out.Flush();
        _stream.Flush();
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (_disposed)
            return;
        _disposed = true;
        _out.Flush();
        _out.Dispose();
        if (!_leaveOpen)
            _stream.Dispose();
    }

    // The first packet clears the sequence's incremental state, interns the argument names and names the root track.
    private void WritePreamble()
    {
        var interned = 0;
        for (var i = 0; i < ArgumentNames.Length; i++)
            interned += Nested(InternedAnnotationNames, InternedEntrySize((ulong)i + 1, ArgumentNames[i]));
        var descriptor = VarintField(TrackUuid, RootTrack) + StringField(TrackName, RootTrackName);
        BeginPacket(null, IncrementalStateCleared, Nested(PacketInternedData, interned) + Nested(PacketTrackDescriptor, descriptor));
        BeginNested(PacketInternedData, interned);
        for (var i = 0; i < ArgumentNames.Length; i++)
            WriteInternedEntry(InternedAnnotationNames, (ulong)i + 1, ArgumentNames[i]);
        WriteTrackDescriptor(descriptor, RootTrack, RootTrackName, null);
    }

    private ulong TrackOf(in TraceRecord record)
    {
        if (!_components.TryGetValue(record.Component, out var component))
        {
            component = new ChromeTraceProcess(_nextUuid++);
            _components.Add(record.Component, component);
            DescribeTrack((ulong)component.Pid, record.Component, RootTrack);
        }
        var lanes = component.LanesOf(record.Instance);
        foreach (var lane in lanes)
        {
            if (lane.TryPlace(record.Start, record.End))
                return (ulong)lane.Tid;
        }
        var added = new ChromeTraceLane(_nextUuid++, lanes.Count);
        lanes.Add(added);
        added.TryPlace(record.Start, record.End);
        var name = added.LaneIndex == 0 ? $"{record.Component}[{record.Instance}]" : $"{record.Component}[{record.Instance}] #{added.LaneIndex}";
        DescribeTrack((ulong)added.Tid, name, (ulong)component.Pid);
        return (ulong)added.Tid;
    }

    private void DescribeTrack(ulong uuid, string name, ulong parent)
    {
        var size = VarintField(TrackUuid, uuid) + StringField(TrackName, name) + VarintField(TrackParentUuid, parent);
        BeginPacket(null, null, Nested(PacketTrackDescriptor, size));
        WriteTrackDescriptor(size, uuid, name, parent);
    }

    private void WriteTrackDescriptor(int size, ulong uuid, string name, ulong? parent)
    {
        BeginNested(PacketTrackDescriptor, size);
        WriteVarint(TrackUuid, uuid);
        _out.WriteTag(TrackName, WireFormat.WireType.LengthDelimited);
        _out.WriteString(name);
        if (parent is { } p)
            WriteVarint(TrackParentUuid, p);
    }

    // Writes a packet's framing (Trace.packet tag and length) and its header fields; the caller writes `bodySize` bytes after.
    private void BeginPacket(ulong? timestamp, uint? flags, int bodySize)
    {
        var size = (timestamp is { } t ? VarintField(PacketTimestamp, t) : 0) + VarintField(PacketSequenceId, SequenceId)
            + (flags is { } f ? VarintField(PacketSequenceFlags, f) : 0) + bodySize;
        BeginNested(TracePacketField, size);
        if (timestamp is { } ts)
            WriteVarint(PacketTimestamp, ts);
        WriteVarint(PacketSequenceId, SequenceId);
        if (flags is { } fl)
            WriteVarint(PacketSequenceFlags, fl);
    }

    private void BeginNested(int field, int size)
    {
        _out.WriteTag(field, WireFormat.WireType.LengthDelimited);
        _out.WriteLength(size);
    }

    private void WriteVarint(int field, ulong value)
    {
        _out.WriteTag(field, WireFormat.WireType.Varint);
        _out.WriteUInt64(value);
    }

    private void WriteInternedEntry(int field, ulong iid, string name)
    {
        BeginNested(field, InternedEntrySize(iid, name));
        WriteVarint(InternedIid, iid);
        _out.WriteTag(InternedName, WireFormat.WireType.LengthDelimited);
        _out.WriteString(name);
    }

    private void WriteStringAnnotation(int size, ulong nameIid, string value)
    {
        BeginNested(EventDebugAnnotations, size);
        WriteVarint(AnnotationNameIid, nameIid);
        _out.WriteTag(AnnotationStringValue, WireFormat.WireType.LengthDelimited);
        _out.WriteString(value);
    }

    private void WriteIntAnnotation(int size, ulong nameIid, long value)
    {
        BeginNested(EventDebugAnnotations, size);
        WriteVarint(AnnotationNameIid, nameIid);
        _out.WriteTag(AnnotationIntValue, WireFormat.WireType.Varint);
        _out.WriteInt64(value);
    }

    // Size of a varint field: tag + value.
    private static int VarintField(int field, ulong value) => CodedOutputStream.ComputeTagSize(field) + CodedOutputStream.ComputeUInt64Size(value);

    // Size of a string field: tag + length + UTF-8 bytes.
    private static int StringField(int field, string value) => CodedOutputStream.ComputeTagSize(field) + CodedOutputStream.ComputeStringSize(value);

    // Size of a nested message field of `size` bytes (none when size is 0: the field is left out).
    private static int Nested(int field, int size) =>
        size == 0 ? 0 : CodedOutputStream.ComputeTagSize(field) + CodedOutputStream.ComputeLengthSize(size) + size;

    private static int InternedEntrySize(ulong iid, string name) => VarintField(InternedIid, iid) + StringField(InternedName, name);

    private static int StringAnnotationSize(ulong nameIid, string value) => VarintField(AnnotationNameIid, nameIid) + StringField(AnnotationStringValue, value);

    private static int IntAnnotationSize(ulong nameIid, long value) =>
        VarintField(AnnotationNameIid, nameIid) + CodedOutputStream.ComputeTagSize(AnnotationIntValue) + CodedOutputStream.ComputeInt64Size(value);
}
