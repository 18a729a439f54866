namespace Comet.Workloads.Execution;

/// <summary>Why an instance sat idle between tile steps.</summary>
public enum IdleReason
{
    /// <summary>Waiting for an input tile to arrive (<c>data:T</c>).</summary>
    Operands,

    /// <summary>Waiting for space for an output tile (<c>space:T</c>).</summary>
    Space,

    /// <summary>Waiting for the peers of a collective, or for a tile a collective produces.</summary>
    Collective,

    /// <summary>Waiting for a binding: a pipeline stage before it, a sibling run once for all instances, or (lock-step) the slowest instance of its fan-out.</summary>
    Binding,
}
