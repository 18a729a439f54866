namespace Comet.Workloads.Analytical;

/// <summary>Reads a <see cref="StepRuns"/> at non-decreasing steps, one run after the other.</summary>
internal struct StepRunCursor(StepRuns runs)
{
    private int run;

    /// <summary>The value at <paramref name="step"/> (0 past the length) and, in <paramref name="end"/>, the first step after its run (long.MaxValue past the length).</summary>
    public long Seek(long step, out long end)
    {
        while (run < runs.RunCount && runs.EndOf(run) <= step)
        {
            run++;
        }

        if (run >= runs.RunCount)
        {
            end = long.MaxValue;
            return 0;
        }

        end = runs.EndOf(run);
        return runs.ValueOf(run);
    }
}
