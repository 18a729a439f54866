namespace Comet.Workloads.Execution;

/// <summary>Bytes moved per (parent level, level, tensor) while the simulation runs: fills and drains of tiles, leaf operand moves included, collectives not.</summary>
internal sealed class TrafficTally
{
    // Looked up on every move, ordered only when read out.
    private readonly Dictionary<(int Parent, int Level, int Tensor), long[]> _bytes = new();

    /// <summary>Counts <paramref name="bytes"/> moved between <paramref name="parent"/> and <paramref name="level"/> for <paramref name="tensor"/>, into the level (fill) or out of it (drain).</summary>
    public void Add(int parent, int level, int tensor, long bytes, bool drain) => Row(parent, level, tensor)[drain ? 1 : 0] += bytes;

    /// <summary>The bytes moved so far between <paramref name="parent"/> and <paramref name="level"/> for <paramref name="tensor"/>, filled [0] and drained [1], created empty on first use; a caller adding to the same row again and again may keep it.</summary>
    public long[] Row(int parent, int level, int tensor)
    {
        if (!_bytes.TryGetValue((parent, level, tensor), out var row))
        {
            row = new long[2];
            _bytes.Add((parent, level, tensor), row);
        }

        return row;
    }

    /// <summary>Every (parent, level, tensor) that moved data, in level and tensor order, with names from <paramref name="run"/>.</summary>
    public IReadOnlyList<TensorTraffic> Rows(RunContext run) =>
        [.. _bytes.OrderBy(kv => kv.Key).Select(kv => new TensorTraffic(run.Machine.Level(kv.Key.Parent).Name, run.Machine.Level(kv.Key.Level).Name, run.TensorName(kv.Key.Tensor), kv.Value[0], kv.Value[1]))];
}
