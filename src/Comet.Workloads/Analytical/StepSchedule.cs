using Comet.Workloads.Loop;

namespace Comet.Workloads.Analytical;

/// <summary>
/// The steps of one entry as the transfer evaluation reads them (reference-model §5.3–5.4): which move each step makes,
/// its latency and its window, walked in stretches of equal steps (runs of moves, runs of windows) instead of one step
/// at a time. Step i's own output is at i + offset when every step counts, else at i ÷ r + offset on the first step of
/// each unique tile (i mod r = 0).
/// </summary>
internal sealed class StepSchedule(TileMoveSequence moves, long reuse, bool everyStep, bool dmaContiguous, bool readWrite, TileCost moving, TileCost reused)
{
    private readonly long[] runs = moves.RunEnds;
    private readonly long tiles = moves.Count;

    /// <summary>NoC energy summed step by step in step order (the same double additions as a per-step walk).</summary>
    public double NocEnergy()
    {
        double nocPj = 0;
        long start = 0;
        for (var k = 0; k < runs.Length; k++)
        {
            var pj = (k % 2 == 1 ? reused : moving).NocEnergyPj;
            if (pj != 0)
            {
                for (var i = start; i < runs[k]; i++)
                {
                    nocPj += pj;
                }
            }

            start = runs[k];
        }

        return nocPj;
    }

    /// <summary>Ramp-up (a read tensor's first step) and ramp-down (a drained tensor's step at tiles − r).</summary>
    public void Ramps(out long rampUp, out long rampDown)
    {
        rampUp = !readWrite && tiles > 0 ? Latency(0) : 0;
        var last = tiles - reuse;
        rampDown = readWrite && last >= 0 && last < tiles ? Latency(last) : 0;
    }

    /// <summary>Per output step the stall and the move latency, and their sums over the steps that count.</summary>
    /// <param name="windows">The child windows per step.</param>
    /// <param name="hide">Whether a transfer hides under its window.</param>
    /// <param name="offset">+1 for a drained tensor, −1 for a read one.</param>
    /// <param name="pseudo">Output steps.</param>
    public (StepRuns Stall, StepRuns MoveCycles, long Cumulative, long CumulativeStall) Stalls(StepRuns windows, bool hide, int offset, long pseudo)
    {
        var unit = everyStep ? 1 : reuse;
        var units = (tiles + unit - 1) / unit;
        var skipped = readWrite ? tiles - reuse : 0; // the ramp step, which has no output
        var specials = new SortedSet<long> { 0 };
        foreach (var step in new[] { tiles - 1, tiles - reuse })
        {
            if (step >= 0 && step % unit == 0)
            {
                specials.Add(step / unit);
            }
        }

        var special = specials.ToArray();
        var nextSpecial = 0;
        var stallRuns = new StepRunsBuilder();
        var moveRuns = new StepRunsBuilder();
        long cumulative = 0, cumulativeStall = 0;
        var cursor = new StepRunCursor(windows);
        long flagUntil = 0;
        var flag = false;
        for (long k = 0; k < units;)
        {
            var i = k * unit;
            while (nextSpecial < special.Length && special[nextSpecial] < k)
            {
                nextSpecial++;
            }

            long latency, window, next;
            if (nextSpecial < special.Length && special[nextSpecial] == k)
            {
                if (i == skipped && (readWrite || i == 0))
                {
                    k++;
                    continue;
                }

                latency = Latency(i);
                window = WindowOne(windows, i);
                next = k + 1;
            }
            else
            {
                if (k >= flagUntil)
                {
                    flagUntil = NextFlagChange(k, unit, units, out flag);
                }

                latency = flag ? reused.Total : moving.Total;
                if (dmaContiguous)
                {
                    latency = flag ? reused.MemoryCycles : moving.MemoryCycles;
                }

                long windowUntil;
                if (reuse == 1)
                {
                    window = cursor.Seek(i, out windowUntil);
                }
                else if (!everyStep)
                {
                    var value = cursor.Seek(i, out var end);
                    if (end == long.MaxValue)
                    {
                        window = 0;
                        windowUntil = long.MaxValue;
                    }
                    else if (i + reuse <= end)
                    {
                        window = value * reuse;
                        windowUntil = end / reuse;
                    }
                    else
                    {
                        window = windows.SumRange(i, i + reuse);
                        windowUntil = k + 1;
                    }
                }
                else if (i % reuse == 0)
                {
                    window = windows.SumRange(i, i + reuse);
                    windowUntil = k + 1;
                }
                else
                {
                    window = 0;
                    windowUntil = (i / reuse + 1) * reuse;
                }

                next = Math.Min(Math.Min(flagUntil, windowUntil), units);
                if (nextSpecial < special.Length)
                {
                    next = Math.Min(next, special[nextSpecial]);
                }
            }

            var stall = latency == 0 ? 0 : latency - window;
            if (!hide)
            {
                stall = latency;
            }

            var count = next - k;
            cumulative += latency * count;
            cumulativeStall += stall * count;
            var from = Math.Max(k + offset, 0);
            var to = Math.Min(next + offset, pseudo);
            if (from < to)
            {
                stallRuns.Set(from, to, stall);
                moveRuns.Set(from, to, latency);
            }

            k = next;
        }

        return (stallRuns.Build(pseudo), moveRuns.Build(pseudo), cumulative, cumulativeStall);
    }

    // the window of one unit: the step's own when r = 1, else on the first step of a unique tile the next r steps' sum, else 0
    private long WindowOne(StepRuns windows, long i)
        => reuse == 1 ? windows.At(i) : i % reuse == 0 ? windows.SumRange(i, i + reuse) : 0;

    // the latency of step i: a contiguous DMA pays the network only on the first and last steps
    private long Latency(long i)
    {
        var tile = moves.IsReused(checked((int)i)) ? reused : moving;
        return !dmaContiguous || i == 0 || i == tiles - 1 ? tile.Total : tile.MemoryCycles;
    }

    // the first unit after k whose step reuses when k's moves (or moves when k's reuses); whether k's step reuses in flag
    private long NextFlagChange(long k, long unit, long units, out bool flag)
    {
        var step = k * unit;
        var run = Array.BinarySearch(runs, step);
        run = run < 0 ? ~run : run + 1;
        flag = run % 2 == 1;
        for (var other = run + 1; other < runs.Length; other += 2)
        {
            var first = (runs[other - 1] + unit - 1) / unit; // the first unit at or after the run's start
            if (first * unit < runs[other])
            {
                return first;
            }
        }

        return units;
    }
}
