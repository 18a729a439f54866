namespace Comet.Workloads.Execution;

/// <summary>Accumulates the invocations of one mapping node while the simulation runs.</summary>
public sealed class NodeTally
{
    /// <summary>Invocations finished.</summary>
    public long Invocations { get; private set; }

    /// <summary>Sum of invocation durations, cycles.</summary>
    public long TotalCycles { get; private set; }

    /// <summary>Earliest start, cycles (long.MaxValue before any).</summary>
    public long FirstStart { get; private set; } = long.MaxValue;

    /// <summary>Latest end, cycles.</summary>
    public long LastEnd { get; private set; }

    /// <summary>Cycles participants waited (collectives).</summary>
    public long StallCycles { get; private set; }

    /// <summary>The collective algorithms that ran this node, by name ("+"-joined when they differ between occurrences), or null.</summary>
    public string? Algorithm { get; private set; }

    /// <summary>Notes that an occurrence of this collective ran <paramref name="name"/>.</summary>
    public void NoteAlgorithm(string name)
    {
        if (Algorithm is null)
        {
            Algorithm = name;
        }
        else if (!Algorithm.Split('+').Contains(name))
        {
            Algorithm = string.Join("+", Algorithm.Split('+').Append(name).Order(StringComparer.Ordinal));
        }
    }

    /// <summary>Records one invocation from <paramref name="start"/> to <paramref name="end"/>.</summary>
    public void Add(long start, long end)
    {
        Invocations++;
        TotalCycles += end - start;
        FirstStart = Math.Min(FirstStart, start);
        LastEnd = Math.Max(LastEnd, end);
    }

    /// <summary>Records one invocation spanning <paramref name="start"/> to <paramref name="end"/> whose instances ran free and took <paramref name="cycles"/> each on average.</summary>
    public void Add(long start, long end, long cycles)
    {
        Invocations++;
        TotalCycles += cycles;
        FirstStart = Math.Min(FirstStart, start);
        LastEnd = Math.Max(LastEnd, end);
    }

    /// <summary>Records a wait of <paramref name="cycles"/>.</summary>
    public void AddStall(long cycles) => StallCycles += cycles;
}
