using Comet.Reports.Tracing;
using Comet.Sim;
using Google.Protobuf;

namespace Comet.Reports.Tests.Tracing;

/// <summary>Reads back the fields of a Perfetto protobuf trace that <see cref="PerfettoTraceSink"/> writes, independently of it: tracks, interned names and slices.</summary>
public sealed class PerfettoTraceDecoder
{
    /// <summary>One slice: its begin and end timestamps, its track's full name, its name, category and arguments.</summary>
    public sealed record Slice(ulong Begin, ulong End, string Track, string Name, string Category, IReadOnlyDictionary<string, object> Arguments);

    /// <summary>Track uuid → (name, parent uuid).</summary>
    public Dictionary<ulong, (string Name, ulong Parent)> Tracks { get; } = new();

    /// <summary>The slices in file order.</summary>
    public List<Slice> Slices { get; } = new();

    /// <summary>Packets read.</summary>
    public int Packets { get; private set; }

    /// <summary>Sequence flags of the first packet.</summary>
    public uint FirstPacketFlags { get; private set; }

    private readonly Dictionary<ulong, string> _names = new();
    private readonly Dictionary<ulong, string> _categories = new();
    private readonly Dictionary<ulong, string> _argumentNames = new();
    private readonly Dictionary<ulong, Stack<(ulong Begin, ulong Track, string Name, string Category, Dictionary<string, object> Args)>> _open = new();

    /// <summary>Decodes the whole trace in <paramref name="bytes"/>.</summary>
    public static PerfettoTraceDecoder Decode(byte[] bytes)
    {
        var decoder = new PerfettoTraceDecoder();
        var input = new CodedInputStream(bytes);
        uint tag;
        while ((tag = input.ReadTag()) != 0)
        {
            if (WireFormat.GetTagFieldNumber(tag) != 1)
                throw new InvalidDataException($"unexpected Trace field {WireFormat.GetTagFieldNumber(tag)}");
            decoder.Packet(input.ReadBytes().ToByteArray());
        }
        return decoder;
    }

    private void Packet(byte[] bytes)
    {
        var input = new CodedInputStream(bytes);
        ulong timestamp = 0;
        uint flags = 0;
        byte[]? trackEvent = null;
        uint tag;
        while ((tag = input.ReadTag()) != 0)
        {
            switch (WireFormat.GetTagFieldNumber(tag))
            {
                case 8: timestamp = input.ReadUInt64(); break;
                case 10: Assert(input.ReadUInt32() == 1, "one sequence"); break;
                case 13: flags = input.ReadUInt32(); break;
                case 12: Interned(input.ReadBytes().ToByteArray()); break;
                case 11: trackEvent = input.ReadBytes().ToByteArray(); break;
                case 60: Descriptor(input.ReadBytes().ToByteArray()); break;
                default: throw new InvalidDataException($"unexpected TracePacket field {WireFormat.GetTagFieldNumber(tag)}");
            }
        }
        if (Packets++ == 0)
            FirstPacketFlags = flags;
        if (trackEvent is not null)
            Event(timestamp, trackEvent);
    }

    private void Interned(byte[] bytes)
    {
        var input = new CodedInputStream(bytes);
        uint tag;
        while ((tag = input.ReadTag()) != 0)
        {
            var field = WireFormat.GetTagFieldNumber(tag);
            var entry = new CodedInputStream(input.ReadBytes().ToByteArray());
            ulong iid = 0;
            var name = "";
            uint t;
            while ((t = entry.ReadTag()) != 0)
            {
                if (WireFormat.GetTagFieldNumber(t) == 1)
                    iid = entry.ReadUInt64();
                else
                    name = entry.ReadString();
            }
            var index = field switch { 1 => _categories, 2 => _names, 3 => _argumentNames, _ => throw new InvalidDataException($"InternedData field {field}") };
            index.Add(iid, name);
        }
    }

    private void Descriptor(byte[] bytes)
    {
        var input = new CodedInputStream(bytes);
        ulong uuid = 0, parent = 0;
        var name = "";
        uint tag;
        while ((tag = input.ReadTag()) != 0)
        {
            switch (WireFormat.GetTagFieldNumber(tag))
            {
                case 1: uuid = input.ReadUInt64(); break;
                case 2: name = input.ReadString(); break;
                case 5: parent = input.ReadUInt64(); break;
                default: throw new InvalidDataException("unexpected TrackDescriptor field");
            }
        }
        Tracks.Add(uuid, (name, parent));
    }

    private void Event(ulong timestamp, byte[] bytes)
    {
        var input = new CodedInputStream(bytes);
        ulong type = 0, track = 0, nameIid = 0, categoryIid = 0;
        var args = new Dictionary<string, object>();
        uint tag;
        while ((tag = input.ReadTag()) != 0)
        {
            switch (WireFormat.GetTagFieldNumber(tag))
            {
                case 9: type = input.ReadUInt64(); break;
                case 11: track = input.ReadUInt64(); break;
                case 10: nameIid = input.ReadUInt64(); break;
                case 3: categoryIid = input.ReadUInt64(); break;
                case 4: Annotation(input.ReadBytes().ToByteArray(), args); break;
                default: throw new InvalidDataException("unexpected TrackEvent field");
            }
        }
        Assert(Tracks.ContainsKey(track), "an event's track is described before it");
        if (!_open.TryGetValue(track, out var open))
            _open.Add(track, open = new());
        if (type == 1)
        {
            open.Push((timestamp, track, _names[nameIid], _categories[categoryIid], args));
        }
        else
        {
            Assert(type == 2, "slice begin or end");
            var (begin, t, name, category, a) = open.Pop();
            Slices.Add(new Slice(begin, timestamp, Tracks[t].Name, name, category, a));
        }
    }

    private void Annotation(byte[] bytes, Dictionary<string, object> args)
    {
        var input = new CodedInputStream(bytes);
        var name = "";
        object value = "";
        uint tag;
        while ((tag = input.ReadTag()) != 0)
        {
            switch (WireFormat.GetTagFieldNumber(tag))
            {
                case 1: name = _argumentNames[input.ReadUInt64()]; break;
                case 4: value = input.ReadInt64(); break;
                case 6: value = input.ReadString(); break;
                default: throw new InvalidDataException("unexpected DebugAnnotation field");
            }
        }
        args.Add(name, value);
    }

    private static void Assert(bool condition, string what)
    {
        if (!condition)
            throw new InvalidDataException(what);
    }
}
