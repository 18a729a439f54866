using System.Text.Encodings.Web;
using System.Text.Json;

namespace Comet.Sim;

/// <summary>Streams trace records as a Chrome/Perfetto JSON trace: one process per component, one thread (track) per instance, extra lanes for overlapping slices; <c>ts</c> and <c>dur</c> are cycles.</summary>
/// <remarks>
/// Track ids are assigned in first-seen order, so identical record sequences give byte-identical files.
/// Slices on a track always nest strictly; a slice that would partially overlap one already on the instance's track
/// goes to the first extra lane where it nests (named <c>GEMM[3] #1</c>, ...), as does a slice that starts in the same
/// cycle as a shorter one written before it (Perfetto would draw the pair inverted).
/// </remarks>
public sealed class ChromeTraceSink : ITraceSink
{
    private const int FlushThresholdBytes = 1 << 16;

    private readonly Stream _stream;
    private readonly bool _leaveOpen;
    private readonly Utf8JsonWriter _json;
    private readonly Dictionary<string, int> _pids = new(StringComparer.Ordinal);
    private readonly Dictionary<(int Pid, int Instance), List<ChromeTraceLane>> _lanes = new();
    private int _nextTid = 1;
    private bool _disposed;

    /// <summary>Creates (or overwrites) the file at <paramref name="path"/>.</summary>
    public ChromeTraceSink(string path)
        : this(new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read, 1 << 16), leaveOpen: false)
    {
    }

    /// <summary>Writes to <paramref name="stream"/>; disposing the sink completes the JSON and closes the stream unless <paramref name="leaveOpen"/>.</summary>
    public ChromeTraceSink(Stream stream, bool leaveOpen = false)
    {
        ArgumentNullException.ThrowIfNull(stream);
        _stream = stream;
        _leaveOpen = leaveOpen;
        _json = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        _json.WriteStartObject();
        _json.WriteString("displayTimeUnit", "ns");
        _json.WriteStartObject("otherData");
        _json.WriteString("time_unit", "cycles");
        _json.WriteString("note", "ts and dur are simulated cycles, not microseconds");
        _json.WriteEndObject();
        _json.WriteStartArray("traceEvents");
    }

    /// <summary>Number of slices written.</summary>
    public long Records { get; private set; }

    /// <inheritdoc />
    public void Write(in TraceRecord record)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (record.End < record.Start)
            throw new ArgumentException($"trace record ends ({record.End}) before it starts ({record.Start})", nameof(record));
        var pid = PidOf(record.Component);
        var tid = PlaceOnLane(pid, record);
        var activity = ActivityNames.Of(record.Activity);
        _json.WriteStartObject();
        _json.WriteString("name", record.Operation.Length > 0 ? record.Operation : activity);
        _json.WriteString("cat", activity);
        _json.WriteString("ph", "X");
        _json.WriteNumber("ts", record.Start);
        _json.WriteNumber("dur", record.End - record.Start);
        _json.WriteNumber("pid", pid);
        _json.WriteNumber("tid", tid);
        // name is the operation (or the activity when there is none) and cat the activity: args carry only the rest.
        _json.WriteStartObject("args");
        if (record.Tensor.Length > 0)
            _json.WriteString("tensor", record.Tensor);
        if (record.Tile >= 0)
            _json.WriteNumber("tile", record.Tile);
        _json.WriteNumber("bytes", record.Bytes);
        if (record.Detail.Length > 0)
            _json.WriteString("stall_reason", record.Detail);
        _json.WriteEndObject();
        _json.WriteEndObject();
        Records++;
        if (_json.BytesPending > FlushThresholdBytes)
            _json.Flush();
    }

    /// <inheritdoc />
    public void Flush()
    {
        if (_disposed)
            return;
        _json.Flush();
        _stream.Flush();
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (_disposed)
            return;
        _disposed = true;
        _json.WriteEndArray();
        _json.WriteEndObject();
        _json.Flush();
        _json.Dispose();
        _stream.Flush();
        if (!_leaveOpen)
            _stream.Dispose();
    }

    private int PidOf(string component)
    {
        if (_pids.TryGetValue(component, out var pid))
            return pid;
        pid = _pids.Count + 1;
        _pids.Add(component, pid);
        WriteMetadata("process_name", pid, null, "name", component);
        WriteMetadata("process_sort_index", pid, null, "sort_index", pid);
        return pid;
    }

    private int PlaceOnLane(int pid, in TraceRecord record)
    {
        if (!_lanes.TryGetValue((pid, record.Instance), out var lanes))
        {
            lanes = new List<ChromeTraceLane>(1);
            _lanes.Add((pid, record.Instance), lanes);
        }
        foreach (var lane in lanes)
        {
            if (lane.TryPlace(record.Start, record.End))
                return lane.Tid;
        }
        var added = new ChromeTraceLane(_nextTid++, lanes.Count);
        lanes.Add(added);
        added.TryPlace(record.Start, record.End);
        var trackName = added.LaneIndex == 0
            ? $"{record.Component}[{record.Instance}]"
            : $"{record.Component}[{record.Instance}] #{added.LaneIndex}";
        WriteMetadata("thread_name", pid, added.Tid, "name", trackName);
        WriteMetadata("thread_sort_index", pid, added.Tid, "sort_index", added.Tid);
        return added.Tid;
    }

    private void WriteMetadata(string name, int pid, int? tid, string argName, object argValue)
    {
        _json.WriteStartObject();
        _json.WriteString("name", name);
        _json.WriteString("ph", "M");
        _json.WriteNumber("pid", pid);
        if (tid is { } t)
            _json.WriteNumber("tid", t);
        _json.WriteStartObject("args");
        if (argValue is int i)
            _json.WriteNumber(argName, i);
        else
            _json.WriteString(argName, (string)argValue);
        _json.WriteEndObject();
        _json.WriteEndObject();
    }
}
