namespace Comet.Sim;

/// <summary>Thrown when no event is pending while processes still wait; the message names each waiting process and what it waits on.</summary>
public sealed class DeadlockException : Exception
{
    /// <summary>Creates the exception.</summary>
    public DeadlockException(string message, long cycle, IReadOnlyList<string> waiting)
        : base(message)
    {
        Cycle = cycle;
        Waiting = waiting;
    }

    /// <summary>Cycle at which the simulation ran dry.</summary>
    public long Cycle { get; }

    /// <summary>One line per waiting process, e.g. <c>process 'GEMM[3]' waits on Container 'OB[3].space' Get(4096)</c>.</summary>
    public IReadOnlyList<string> Waiting { get; }
}
