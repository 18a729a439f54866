using Comet.Workloads.Inputs;

namespace Comet.Workloads.Collectives;

/// <summary>The names of the collective algorithms (the mapping's <c>algorithm:</c> key, <c>--collectives</c>, summary.json and the trace) and which collective kinds each one runs.</summary>
public static class CollectiveAlgorithmNames
{
    /// <summary>Every name, in declaration order.</summary>
    public static IReadOnlyList<string> All { get; } = ["auto", "direct", "ring", "2d", "multicast", "binomial", "in_network", "tree"];

    /// <summary>The name of <paramref name="choice"/>.</summary>
    public static string Name(CollectiveAlgorithmChoice choice) => All[(int)choice];

    /// <summary>The choice called <paramref name="name"/>, or null when no algorithm has that name.</summary>
    public static CollectiveAlgorithmChoice? Parse(string name)
    {
        for (var i = 0; i < All.Count; i++)
        {
            if (string.Equals(All[i], name, StringComparison.OrdinalIgnoreCase))
            {
                return (CollectiveAlgorithmChoice)i;
            }
        }

        return null;
    }

    /// <summary>The algorithms that can run <paramref name="kind"/> (besides <c>auto</c>): ring, 2d and direct for the all-to-all kinds; multicast, binomial and direct for a broadcast; in-network, tree and direct for a reduction; direct for gather and scatter.</summary>
    public static IReadOnlyList<CollectiveAlgorithmChoice> For(CollectiveKind kind) => kind switch
    {
        CollectiveKind.AllReduce or CollectiveKind.AllGather or CollectiveKind.ReduceScatter => [CollectiveAlgorithmChoice.Direct, CollectiveAlgorithmChoice.Ring, CollectiveAlgorithmChoice.TwoD],
        CollectiveKind.Broadcast => [CollectiveAlgorithmChoice.Direct, CollectiveAlgorithmChoice.Multicast, CollectiveAlgorithmChoice.Binomial],
        CollectiveKind.Reduction => [CollectiveAlgorithmChoice.Direct, CollectiveAlgorithmChoice.InNetwork, CollectiveAlgorithmChoice.Tree],
        CollectiveKind.Gather or CollectiveKind.Scatter => [CollectiveAlgorithmChoice.Direct],
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "a collective kind without algorithms"),
    };
}
