namespace Comet.Workloads.Execution;

/// <summary>The mapping cannot make progress on the simulated hardware; the message names each waiting component and what it waits for.</summary>
public sealed class SimulationDeadlockException : Exception
{
    /// <summary>Creates the exception.</summary>
    public SimulationDeadlockException(long cycle, IReadOnlyList<string> waiting, Exception? inner = null)
        : base(Describe(cycle, waiting), inner)
    {
        Cycle = cycle;
        Waiting = waiting;
    }

    /// <summary>One line naming the cycle and the first waiting processes (with what each waits on).</summary>
    public static string Describe(long cycle, IReadOnlyList<string> waiting)
    {
        const int shown = 12;
        var head = string.Join("; ", waiting.Take(shown));
        var more = waiting.Count > shown ? $"; … and {waiting.Count - shown} more" : "";
        return $"the mapping deadlocks at cycle {cycle}: {waiting.Count} waiting: {head}{more}";
    }

    /// <summary>Cycle at which nothing could move any more.</summary>
    public long Cycle { get; }

    /// <summary>One line per waiting process: which component, and what it waits for.</summary>
    public IReadOnlyList<string> Waiting { get; }
}
