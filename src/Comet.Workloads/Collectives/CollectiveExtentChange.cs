namespace Comet.Workloads.Collectives;

/// <summary>What a collective does to the extent of its dimension between input and output tile.</summary>
public enum CollectiveExtentChange
{
    /// <summary>The output tile has the input's extent (broadcast, reduction, all-reduce).</summary>
    Keeps,

    /// <summary>The output tile is the concatenation of every source's tile (gather, all-gather).</summary>
    GrowsBySources,

    /// <summary>Each destination keeps one chunk of the tile (scatter, reduce-scatter).</summary>
    SplitsByDestinations,
}
