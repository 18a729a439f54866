using Comet.Workloads.Inputs;

namespace Comet.Workloads.Collectives;

/// <summary>Which algorithm runs a collective: the command line's choice when it applies to the kind, else the node's <c>algorithm:</c> key, else the automatic pick.</summary>
/// <remarks>
/// The automatic pick, as NCCL's tuner and MPICH's selection do, weighs the candidates' latency and bandwidth terms
/// for this topology and message size: for all-reduce, all-gather and reduce-scatter it runs the candidate (direct,
/// ring, 2d) whose schedule has the lowest cost on the participants' otherwise idle meshes
/// (<see cref="CollectiveIdleCost"/>: per phase the longest port hold, the longest flow H·h + ⌈bytes ÷ link rate⌉ or
/// the busiest link's serialization, and the longest SIMD combine), ties going to the earlier of direct, ring, 2d. Direct wins for tiny tiles, where the ring's 2(p−1)
/// steps of hop latency outweigh the root's serialized port and SIMD work; ring or 2d win as the tile grows. A
/// broadcast uses the multicast tree where the network has <c>broadcast_support</c>, else a binomial tree; a
/// reduction combines in the network where it has <c>reduction_support</c>, else along a tree with a combine at
/// every participant; gather and scatter are direct.
/// </remarks>
public static class CollectiveAutoRule
{
    /// <summary>What is asked for <paramref name="kind"/>: <paramref name="global"/> (<c>--collectives</c>) when it is not auto and runs the kind, otherwise the node's <paramref name="key"/> (auto when absent).</summary>
    public static CollectiveAlgorithmChoice Requested(CollectiveKind kind, CollectiveAlgorithmChoice global, CollectiveAlgorithmChoice key) =>
        global != CollectiveAlgorithmChoice.Auto && CollectiveAlgorithmNames.For(kind).Contains(global) ? global : key;

    /// <summary>The automatic pick for <paramref name="kind"/>; <paramref name="idleCycles"/> gives a candidate's contention-free cost (all-to-all kinds only).</summary>
    public static CollectiveAlgorithmChoice Pick(CollectiveKind kind, bool broadcastSupport, bool reductionSupport, Func<CollectiveAlgorithmChoice, long> idleCycles)
    {
        switch (kind)
        {
            case CollectiveKind.Broadcast:
                return broadcastSupport ? CollectiveAlgorithmChoice.Multicast : CollectiveAlgorithmChoice.Binomial;
            case CollectiveKind.Reduction:
                return reductionSupport ? CollectiveAlgorithmChoice.InNetwork : CollectiveAlgorithmChoice.Tree;
            case CollectiveKind.Gather or CollectiveKind.Scatter:
                return CollectiveAlgorithmChoice.Direct;
        }

        var best = CollectiveAlgorithmChoice.Direct;
        var bestCycles = long.MaxValue;
        foreach (var candidate in CollectiveAlgorithmNames.For(kind))
        {
            var cycles = idleCycles(candidate);
            if (cycles < bestCycles)
            {
                best = candidate;
                bestCycles = cycles;
            }
        }

        return best;
    }
}
