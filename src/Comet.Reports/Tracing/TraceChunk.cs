using Comet.Sim;

namespace Comet.Reports.Tracing;

/// <summary>A block of trace records kept column by column, so storing one is ten plain field stores rather than a barriered copy of a struct that holds references.</summary>
/// <remarks>
/// A <see cref="TraceRecord"/> carries four strings; copying it whole into a heap array takes the runtime's bulk copy
/// with write barriers (a call and a GC poll per record), which on a full trace was a large share of the simulation
/// thread. Columns turn that into four single-reference stores and six plain ones.
/// </remarks>
internal sealed class TraceChunk
{
    private readonly long[] _start;
    private readonly long[] _end;
    private readonly long[] _tile;
    private readonly long[] _bytes;
    private readonly int[] _instance;
    private readonly ActivityKind[] _activity;
    private readonly string[] _component;
    private readonly string[] _operation;
    private readonly string[] _tensor;
    private readonly string[] _detail;

    /// <summary>Creates an empty chunk of <paramref name="capacity"/> records.</summary>
    public TraceChunk(int capacity)
    {
        _start = new long[capacity];
        _end = new long[capacity];
        _tile = new long[capacity];
        _bytes = new long[capacity];
        _instance = new int[capacity];
        _activity = new ActivityKind[capacity];
        _component = new string[capacity];
        _operation = new string[capacity];
        _tensor = new string[capacity];
        _detail = new string[capacity];
    }

    /// <summary>Records held.</summary>
    public int Count { get; private set; }

    /// <summary>True once no record more fits.</summary>
    public bool IsFull => Count == _start.Length;

    /// <summary>Appends <paramref name="r"/>; the caller checks <see cref="IsFull"/> first.</summary>
    public void Add(in TraceRecord r)
    {
        var i = Count++;
        _start[i] = r.Start;
        _end[i] = r.End;
        _tile[i] = r.Tile;
        _bytes[i] = r.Bytes;
        _instance[i] = r.Instance;
        _activity[i] = r.Activity;
        _component[i] = r.Component;
        _operation[i] = r.Operation;
        _tensor[i] = r.Tensor;
        _detail[i] = r.Detail;
    }

    /// <summary>Passes every record, in order, to <paramref name="sink"/>.</summary>
    public void WriteTo(ITraceSink sink)
    {
        for (var i = 0; i < Count; i++)
        {
            sink.Write(new TraceRecord(_start[i], _end[i], _component[i], _instance[i], _activity[i], _operation[i], _tensor[i], _tile[i], _bytes[i], _detail[i]));
        }
    }

    /// <summary>Empties the chunk and lets go of its strings.</summary>
    public void Clear()
    {
        Array.Clear(_component, 0, Count);
        Array.Clear(_operation, 0, Count);
        Array.Clear(_tensor, 0, Count);
        Array.Clear(_detail, 0, Count);
        Count = 0;
    }
}
