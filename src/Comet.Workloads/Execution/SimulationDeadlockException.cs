namespace Comet.Workloads.Execution;

/// <summary>The mapping cannot make progress on the simulated hardware; the message names each waiting component and what it waits for.</summary>
public sealed class SimulationDeadlockException : Exception
{
    /// <summary>Creates the exception.</summary>
    public SimulationDeadlockException(long cycle, IReadOnlyList<string> waiting, Exception? inner = null)
        : base($"the mapping deadlocks at cycle {cycle}: " + string.Join("; ", waiting), inner)
    {
        Cycle = cycle;
        Waiting = waiting;
    }

    /// <summary>Cycle at which nothing could move any more.</summary>
    public long Cycle { get; }

    /// <summary>One line per waiting process: which component, and what it waits for.</summary>
    public IReadOnlyList<string> Waiting { get; }
}
