namespace Comet.Workloads.Execution;

/// <summary>Whether a temporal node's mover fetches the next invocation's first tiles while the current invocation finishes.</summary>
public enum PrefetchMode
{
    /// <summary>Once a node's mover has taken space for its last tile step, it fills the next invocation's first tiles (after their parent tiles are in, where space is free now), in entry order.</summary>
    NextInvocation,

    /// <summary>An invocation's first fills start when the invocation starts (the behaviour before prefetch).</summary>
    None,
}
