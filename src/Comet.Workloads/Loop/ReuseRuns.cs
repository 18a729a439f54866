namespace Comet.Workloads.Loop;

/// <summary>Collects an entry's steps, left to right, as alternating runs of moving and reusing steps (step 0 moves).</summary>
internal sealed class ReuseRuns
{
    private readonly List<long> ends = [];
    private readonly long steps;
    private bool reusing;
    private long length;

    /// <summary>Starts the runs of <paramref name="steps"/> steps with step 0, which moves.</summary>
    public ReuseRuns(long steps)
    {
        this.steps = steps;
        length = steps > 0 ? 1 : 0;
    }

    /// <summary>Appends <paramref name="count"/> steps that all reuse (or all move).</summary>
    public void Add(bool reused, long count)
    {
        if (count <= 0)
        {
            return;
        }

        if (reused != reusing)
        {
            ends.Add(length);
            reusing = reused;
        }

        length += count;
    }

    /// <summary>The run ends (the last = the step count).</summary>
    public long[] Ends()
    {
        if (steps > 0)
        {
            ends.Add(length);
        }

        return [.. ends];
    }
}
