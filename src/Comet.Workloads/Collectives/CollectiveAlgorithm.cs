namespace Comet.Workloads.Collectives;

/// <summary>Collective algorithms the mesh executes.</summary>
public enum CollectiveAlgorithm
{
    /// <summary>Every node sends its tile to the root.</summary>
    Gather,

    /// <summary>Every node's tile is combined into one tile at the root.</summary>
    Reduce,

    /// <summary>Reduce, then broadcast the result.</summary>
    AllReduce,

    /// <summary>The root's tile is copied to every node.</summary>
    Broadcast,

    /// <summary>The root's tile is split, one chunk per node.</summary>
    Scatter,

    /// <summary>Gather, then broadcast the gathered tile.</summary>
    AllGather,

    /// <summary>Every node ends with the reduction of one chunk.</summary>
    ReduceScatter,
}
