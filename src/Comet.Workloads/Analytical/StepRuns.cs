namespace Comet.Workloads.Analytical;

/// <summary>
/// A per-step vector of longs stored as runs of equal values (value, end), so that the walks over a loop's steps cost
/// a step per run instead of a step per loop step; read past its length it is zero.
/// </summary>
public sealed class StepRuns
{
    private readonly long[] values;
    private readonly long[] ends;

    /// <summary>Creates the vector from runs: run k holds <paramref name="values"/>[k] on [ends[k−1], ends[k]) (ends increasing, the last = the length).</summary>
    internal StepRuns(long[] values, long[] ends, int count)
    {
        this.values = values;
        this.ends = ends;
        RunCount = count;
        Length = count == 0 ? 0 : ends[count - 1];
    }

    /// <summary>The vector of no steps.</summary>
    public static StepRuns Empty { get; } = new([], [], 0);

    /// <summary>Steps in the vector.</summary>
    public long Length { get; }

    /// <summary>Runs of equal values.</summary>
    public int RunCount { get; }

    /// <summary><paramref name="length"/> steps of <paramref name="value"/>.</summary>
    public static StepRuns Constant(long value, long length) => length <= 0 ? Empty : new([value], [length], 1);

    /// <summary>The value of run <paramref name="run"/>.</summary>
    public long ValueOf(int run) => values[run];

    /// <summary>The first step after run <paramref name="run"/>.</summary>
    public long EndOf(int run) => ends[run];

    /// <summary>The value at <paramref name="step"/> (0 past the length).</summary>
    public long At(long step)
    {
        if (step < 0 || step >= Length)
        {
            return 0;
        }

        var run = Array.BinarySearch(ends, 0, RunCount, step);
        run = run < 0 ? ~run : run + 1; // the first run whose end lies after the step
        return values[run];
    }

    /// <summary>Σ of the values over every step (64-bit, wrapping like the per-step sum).</summary>
    public long Sum()
    {
        long sum = 0, start = 0;
        for (var k = 0; k < RunCount; k++)
        {
            sum += values[k] * (ends[k] - start);
            start = ends[k];
        }

        return sum;
    }

    /// <summary>Σ of the values on the steps [<paramref name="from"/>, <paramref name="to"/>) clipped to the length.</summary>
    public long SumRange(long from, long to)
    {
        to = Math.Min(to, Length);
        if (from >= to)
        {
            return 0;
        }

        var run = Array.BinarySearch(ends, 0, RunCount, from);
        run = run < 0 ? ~run : run + 1;
        long sum = 0;
        for (var at = from; at < to; run++)
        {
            var end = Math.Min(ends[run], to);
            sum += values[run] * (end - at);
            at = end;
        }

        return sum;
    }

    /// <summary>The values, one per step (for a walk whose pattern the runs do not follow).</summary>
    public long[] ToArray()
    {
        var result = new long[Length];
        long start = 0;
        for (var k = 0; k < RunCount; k++)
        {
            Array.Fill(result, values[k], (int)start, (int)(ends[k] - start));
            start = ends[k];
        }

        return result;
    }

    /// <summary>The runs of a per-step array.</summary>
    public static StepRuns Of(long[] steps)
    {
        var builder = new StepRunsBuilder();
        foreach (var v in steps)
        {
            builder.Add(v, 1);
        }

        return builder.Build();
    }

    /// <summary>Each value mapped by <paramref name="map"/> (equal neighbours merged).</summary>
    public StepRuns Map(Func<long, long> map)
    {
        var builder = new StepRunsBuilder();
        long start = 0;
        for (var k = 0; k < RunCount; k++)
        {
            builder.Add(map(values[k]), ends[k] - start);
            start = ends[k];
        }

        return builder.Build();
    }

    /// <summary>Steps [0, <paramref name="length"/>): <paramref name="a"/>'s value before step <paramref name="from"/>, <paramref name="combine"/>(a, b) from it on.</summary>
    public static StepRuns Combine(StepRuns a, StepRuns b, long length, long from, Func<long, long, long> combine)
    {
        var builder = new StepRunsBuilder();
        var (ca, cb) = (new StepRunCursor(a), new StepRunCursor(b));
        for (long i = 0; i < length;)
        {
            var va = ca.Seek(i, out var ea);
            var vb = cb.Seek(i, out var eb);
            var end = Math.Min(Math.Min(ea, eb), length);
            if (i < from)
            {
                end = Math.Min(end, from);
                builder.Add(va, end - i);
            }
            else
            {
                builder.Add(combine(va, vb), end - i);
            }

            i = end;
        }

        return builder.Build();
    }
}
