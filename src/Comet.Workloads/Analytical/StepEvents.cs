namespace Comet.Workloads.Analytical;

/// <summary>Amounts added over ranges of steps, in any order, summed into runs at the end (64-bit sums are exact in any order).</summary>
internal sealed class StepEvents
{
    private readonly List<long> positions = [];
    private readonly List<long> deltas = [];

    /// <summary>Adds <paramref name="amount"/> to every step of [<paramref name="from"/>, <paramref name="to"/>).</summary>
    public void Add(long from, long to, long amount)
    {
        if (from >= to || amount == 0)
        {
            return;
        }

        positions.Add(from);
        deltas.Add(amount);
        positions.Add(to);
        deltas.Add(-amount);
    }

    /// <summary>Adds <paramref name="amount"/> once per step m of [<paramref name="from"/>, <paramref name="to"/>) to step m ÷ <paramref name="divisor"/>, below <paramref name="limit"/>.</summary>
    public void AddSpread(long from, long to, long divisor, long amount, long limit)
    {
        if (from >= to)
        {
            return;
        }

        var first = from / divisor;
        var last = (to - 1) / divisor;
        if (first == last)
        {
            AddClipped(first, first + 1, (to - from) * amount, limit);
            return;
        }

        AddClipped(first, first + 1, ((first + 1) * divisor - from) * amount, limit);
        AddClipped(first + 1, last, divisor * amount, limit);
        AddClipped(last, last + 1, (to - last * divisor) * amount, limit);
    }

    /// <summary>The sums per step over [0, <paramref name="length"/>).</summary>
    public StepRuns Build(long length)
    {
        if (positions.Count == 0)
        {
            return StepRuns.Constant(0, length);
        }

        var keys = positions.ToArray();
        var values = deltas.ToArray();
        Array.Sort(keys, values);
        var builder = new StepRunsBuilder();
        long current = 0, at = 0;
        for (var k = 0; k < keys.Length; k++)
        {
            builder.Add(current, Math.Min(keys[k], length) - at);
            at = Math.Max(at, Math.Min(keys[k], length));
            current += values[k];
        }

        return builder.Build(length);
    }

    private void AddClipped(long from, long to, long amount, long limit) => Add(from, Math.Min(to, limit), amount);
}
