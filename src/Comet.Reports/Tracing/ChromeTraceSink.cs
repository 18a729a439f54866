using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using Comet.Sim;

namespace Comet.Reports.Tracing;

/// <summary>Streams trace records as a Chrome/Perfetto JSON trace: one process per component, one thread (track) per instance, extra lanes for overlapping slices; <c>ts</c> and <c>dur</c> are cycles.</summary>
/// <remarks>
/// Track ids are assigned in first-seen order, so identical record sequences give byte-identical files.
/// Slices on a track always nest strictly; a slice that would partially overlap one already on the instance's track
/// goes to the first extra lane where it nests (named <c>GEMM[3] #1</c>, ...), as does a slice that starts in the same
/// cycle as a shorter one written before it (Perfetto would draw the pair inverted).
/// The output is compact JSON exactly as <see cref="Utf8JsonWriter"/> writes it with relaxed escaping: a scratch
/// writer escapes each distinct string once, and events are assembled from those cached bytes and decimal numbers in
/// one large UTF-8 buffer, because a trace repeats the same few strings millions of times.
/// </remarks>
public sealed class ChromeTraceSink : ITraceSink
{
    private const int BufferBytes = 1 << 18;

    // Fixed text of a slice event with every optional argument, plus its six numbers at 20 characters each.
    private const int FixedSliceBytes = 160 + 6 * Utf8TraceOutput.MaxInt64Bytes;

    private static readonly JsonWriterOptions JsonOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly Stream _stream;
    private readonly bool _leaveOpen;
    private readonly Utf8TraceOutput _out;
    private readonly ArrayBufferWriter<byte> _scratch = new(256);
    private readonly Utf8JsonWriter _scratchJson;
    private readonly EncodedTextCache _strings;
    private readonly Dictionary<string, ChromeTraceProcess> _processes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ChromeTraceProcess> _processByReference = new(ReferenceEqualityComparer.Instance);
    private int _nextTid = 1;
    private bool _afterFirstEvent;
    private bool _disposed;

    /// <summary>Creates (or overwrites) the file at <paramref name="path"/>.</summary>
    public ChromeTraceSink(string path)
        : this(new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read, bufferSize: 1), leaveOpen: false)
    {
    }

    /// <summary>Writes to <paramref name="stream"/>; disposing the sink completes the JSON and closes the stream unless <paramref name="leaveOpen"/>.</summary>
    public ChromeTraceSink(Stream stream, bool leaveOpen = false)
    {
        ArgumentNullException.ThrowIfNull(stream);
        _stream = stream;
        _leaveOpen = leaveOpen;
        _out = new Utf8TraceOutput(stream, BufferBytes);
        _scratchJson = new Utf8JsonWriter(_scratch, JsonOptions);
        _strings = new EncodedTextCache(Escape);
        _out.Write("{\"displayTimeUnit\":\"ns\",\"otherData\":{\"time_unit\":\"cycles\",\"note\":\"ts and dur are simulated cycles, not microseconds\"},\"traceEvents\":["u8);
    }

    /// <summary>Number of slices written.</summary>
    public long Records { get; private set; }

    /// <inheritdoc />
    public void Write(in TraceRecord record)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (record.End < record.Start)
            throw new ArgumentException($"trace record ends ({record.End}) before it starts ({record.Start})", nameof(record));
        var process = ProcessOf(record.Component);
        var tid = PlaceOnLane(process, record);
        ReadOnlySpan<byte> activity = _strings.Get(ActivityNames.Of(record.Activity));
        ReadOnlySpan<byte> name = record.Operation.Length > 0 ? _strings.Get(record.Operation) : activity;
        ReadOnlySpan<byte> tensor = record.Tensor.Length > 0 ? _strings.Get(record.Tensor) : default;
        ReadOnlySpan<byte> detail = record.Detail.Length > 0 ? _strings.Get(record.Detail) : default;
        var span = _out.Reserve(FixedSliceBytes + name.Length + activity.Length + tensor.Length + detail.Length);
        var p = 0;
        if (_afterFirstEvent)
            span[p++] = (byte)',';
        _afterFirstEvent = true;
        Utf8TraceOutput.Put(span, ref p, "{\"name\":\""u8);
        Utf8TraceOutput.Put(span, ref p, name);
        Utf8TraceOutput.Put(span, ref p, "\",\"cat\":\""u8);
        Utf8TraceOutput.Put(span, ref p, activity);
        Utf8TraceOutput.Put(span, ref p, "\",\"ph\":\"X\",\"ts\":"u8);
        Utf8TraceOutput.Put(span, ref p, record.Start);
        Utf8TraceOutput.Put(span, ref p, ",\"dur\":"u8);
        Utf8TraceOutput.Put(span, ref p, record.End - record.Start);
        Utf8TraceOutput.Put(span, ref p, ",\"pid\":"u8);
        Utf8TraceOutput.Put(span, ref p, process.Pid);
        Utf8TraceOutput.Put(span, ref p, ",\"tid\":"u8);
        Utf8TraceOutput.Put(span, ref p, tid);
        // name is the operation (or the activity when there is none) and cat the activity: args carry only the rest.
        Utf8TraceOutput.Put(span, ref p, ",\"args\":{"u8);
        if (record.Tensor.Length > 0)
        {
            Utf8TraceOutput.Put(span, ref p, "\"tensor\":\""u8);
            Utf8TraceOutput.Put(span, ref p, tensor);
            Utf8TraceOutput.Put(span, ref p, "\","u8);
        }
        if (record.Tile >= 0)
        {
            Utf8TraceOutput.Put(span, ref p, "\"tile\":"u8);
            Utf8TraceOutput.Put(span, ref p, record.Tile);
            span[p++] = (byte)',';
        }
        Utf8TraceOutput.Put(span, ref p, "\"bytes\":"u8);
        Utf8TraceOutput.Put(span, ref p, record.Bytes);
        if (record.Detail.Length > 0)
        {
            Utf8TraceOutput.Put(span, ref p, ",\"stall_reason\":\""u8);
            Utf8TraceOutput.Put(span, ref p, detail);
            span[p++] = (byte)'"';
        }
        Utf8TraceOutput.Put(span, ref p, "}}"u8);
        _out.Advance(p);
        Records++;
    }

    /// <inheritdoc />
    public void Flush()
    {
        if (_disposed)
            return;
        _out.Flush();
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (_disposed)
            return;
        _disposed = true;
        _out.Write("]}"u8);
        _out.Flush();
        _scratchJson.Dispose();
        if (!_leaveOpen)
            _stream.Dispose();
    }

    private ChromeTraceProcess ProcessOf(string component)
    {
        if (_processByReference.TryGetValue(component, out var process))
            return process;
        if (!_processes.TryGetValue(component, out process))
        {
            process = new ChromeTraceProcess(_processes.Count + 1);
            _processes.Add(component, process);
            WriteMetadata("\"process_name\""u8, process.Pid, null, "\"name\""u8, Escape(component), null);
            WriteMetadata("\"process_sort_index\""u8, process.Pid, null, "\"sort_index\""u8, null, process.Pid);
        }
        if (_processByReference.Count >= 4096)
            _processByReference.Clear(); // names built per record would otherwise grow the map without bound
        _processByReference.Add(component, process);
        return process;
    }

    private int PlaceOnLane(ChromeTraceProcess process, in TraceRecord record)
    {
        var lanes = process.LanesOf(record.Instance);
        for (var i = 0; i < lanes.Count; i++)
        {
            if (lanes[i].TryPlace(record.Start, record.End))
                return lanes[i].Tid;
        }
        var added = new ChromeTraceLane(_nextTid++, lanes.Count);
        lanes.Add(added);
        added.TryPlace(record.Start, record.End);
        var trackName = added.LaneIndex == 0
            ? $"{record.Component}[{record.Instance}]"
            : $"{record.Component}[{record.Instance}] #{added.LaneIndex}";
        WriteMetadata("\"thread_name\""u8, process.Pid, added.Tid, "\"name\""u8, Escape(trackName), null);
        WriteMetadata("\"thread_sort_index\""u8, process.Pid, added.Tid, "\"sort_index\""u8, null, added.Tid);
        return added.Tid;
    }

    /// <summary>Writes a metadata event whose single argument is an escaped string or a number.</summary>
    private void WriteMetadata(ReadOnlySpan<byte> name, int pid, int? tid, ReadOnlySpan<byte> argName, byte[]? text, int? number)
    {
        var span = _out.Reserve(100 + name.Length + argName.Length + (text?.Length ?? 0));
        var p = 0;
        if (_afterFirstEvent)
            span[p++] = (byte)',';
        _afterFirstEvent = true;
        Utf8TraceOutput.Put(span, ref p, "{\"name\":"u8);
        Utf8TraceOutput.Put(span, ref p, name);
        Utf8TraceOutput.Put(span, ref p, ",\"ph\":\"M\",\"pid\":"u8);
        Utf8TraceOutput.Put(span, ref p, pid);
        if (tid is { } t)
        {
            Utf8TraceOutput.Put(span, ref p, ",\"tid\":"u8);
            Utf8TraceOutput.Put(span, ref p, t);
        }
        Utf8TraceOutput.Put(span, ref p, ",\"args\":{"u8);
        Utf8TraceOutput.Put(span, ref p, argName);
        span[p++] = (byte)':';
        if (text is not null)
        {
            span[p++] = (byte)'"';
            Utf8TraceOutput.Put(span, ref p, text);
            span[p++] = (byte)'"';
        }
        else
        {
            Utf8TraceOutput.Put(span, ref p, number.GetValueOrDefault());
        }
        Utf8TraceOutput.Put(span, ref p, "}}"u8);
        _out.Advance(p);
    }

    /// <summary>The bytes <see cref="Utf8JsonWriter"/> writes between the quotes of <paramref name="text"/> as a string value, with this sink's escaping.</summary>
    private byte[] Escape(string text)
    {
        _scratch.ResetWrittenCount();
        _scratchJson.Reset(_scratch);
        _scratchJson.WriteStringValue(text);
        _scratchJson.Flush();
        return _scratch.WrittenSpan[1..^1].ToArray();
    }
}
