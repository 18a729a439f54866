using Comet.Workloads.Inputs;

namespace Comet.Workloads.Collectives;

/// <summary>The algorithm the simulated mesh runs for each collective kind of a mapping (exhaustive: a new kind must be given one here).</summary>
public static class CollectiveAlgorithmOf
{
    /// <summary>The algorithm executing <paramref name="kind"/>.</summary>
    public static CollectiveAlgorithm Kind(CollectiveKind kind) => kind switch
    {
        CollectiveKind.Gather => CollectiveAlgorithm.Gather,
        CollectiveKind.Reduction => CollectiveAlgorithm.Reduce,
        CollectiveKind.AllReduce => CollectiveAlgorithm.AllReduce,
        CollectiveKind.Broadcast => CollectiveAlgorithm.Broadcast,
        CollectiveKind.Scatter => CollectiveAlgorithm.Scatter,
        CollectiveKind.AllGather => CollectiveAlgorithm.AllGather,
        CollectiveKind.ReduceScatter => CollectiveAlgorithm.ReduceScatter,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "a collective kind without a simulated algorithm"),
    };
}
