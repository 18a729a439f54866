namespace Comet.Workloads.Execution;

/// <summary>Whether a tile left in a buffer by one invocation of a node serves the next invocation that needs the same tile.</summary>
public enum TileReuse
{
    /// <summary>A tile the next invocation needs again, from the same parent tile, stays resident (unless its space is needed) and is not fetched again.</summary>
    CrossInvocation,

    /// <summary>Every invocation fetches its tiles afresh (the behaviour before issue 12).</summary>
    None,
}
