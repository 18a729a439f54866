namespace Comet.Workloads.Analytical;

/// <summary>Appends runs left to right into a <see cref="StepRuns"/>, merging equal neighbours and filling skipped steps with zeros.</summary>
public sealed class StepRunsBuilder
{
    private long[] values = new long[4];
    private long[] ends = new long[4];
    private int count;

    /// <summary>Steps appended so far.</summary>
    public long Length => count == 0 ? 0 : ends[count - 1];

    /// <summary>Appends <paramref name="steps"/> steps of <paramref name="value"/>.</summary>
    public void Add(long value, long steps)
    {
        if (steps <= 0)
        {
            return;
        }

        if (count > 0 && values[count - 1] == value)
        {
            ends[count - 1] += steps;
            return;
        }

        if (count == values.Length)
        {
            Array.Resize(ref values, count * 2);
            Array.Resize(ref ends, count * 2);
        }

        values[count] = value;
        ends[count] = Length + steps;
        count++;
    }

    /// <summary>Sets the steps [<paramref name="from"/>, <paramref name="to"/>) to <paramref name="value"/>, zeros on the steps skipped since the last run (<paramref name="from"/> ≥ <see cref="Length"/>).</summary>
    public void Set(long from, long to, long value)
    {
        Add(0, from - Length);
        Add(value, to - from);
    }

    /// <summary>The runs, zero-padded to <paramref name="length"/> steps (or as appended when shorter); the builder is not used after.</summary>
    public StepRuns Build(long length = -1)
    {
        if (length > Length)
        {
            Add(0, length - Length);
        }

        return count == 0 ? StepRuns.Empty : new StepRuns(values, ends, count);
    }
}
