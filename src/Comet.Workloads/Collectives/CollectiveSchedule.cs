namespace Comet.Workloads.Collectives;

/// <summary>A collective as a sequence of phases of concurrent port holds, link transfers and reductions on a mesh.</summary>
/// <param name="Algorithm">The collective.</param>
/// <param name="Nodes">Participating nodes (local indices 0..Nodes−1; node 0 is the root).</param>
/// <param name="Phases">The phases, run one after the other.</param>
/// <param name="Choice">The algorithm the phases carry out (<c>direct</c>: the root-centric schedule <see cref="Build"/> makes).</param>
public sealed record CollectiveSchedule(CollectiveAlgorithm Algorithm, int Nodes, IReadOnlyList<CollectivePhase> Phases, CollectiveAlgorithmChoice Choice = CollectiveAlgorithmChoice.Direct)
{
    /// <summary>Builds the direct (root-centric) schedule of <paramref name="algorithm"/> over <paramref name="nodes"/> nodes, each holding <paramref name="bytes"/> (<paramref name="elements"/> elements).</summary>
    /// <param name="algorithm">The collective.</param>
    /// <param name="nodes">Number of participants.</param>
    /// <param name="bytes">Bytes of one node's tile.</param>
    /// <param name="elements">Elements of one node's tile (for reductions).</param>
    /// <param name="broadcastSupport">The mesh replicates packets (one multicast tree instead of unicasts).</param>
    /// <param name="reductionSupport">The mesh combines packets (no SIMD reduction at the root, one tile written).</param>
    public static CollectiveSchedule Build(CollectiveAlgorithm algorithm, int nodes, long bytes, long elements, bool broadcastSupport, bool reductionSupport)
    {
        var n = Math.Max(1, nodes);
        var phases = new List<CollectivePhase>();
        if (n == 1)
        {
            return new CollectiveSchedule(algorithm, n, phases);
        }

        switch (algorithm)
        {
            case CollectiveAlgorithm.Gather:
                phases.Add(GatherPhase(n, bytes));
                break;
            case CollectiveAlgorithm.Reduce:
                phases.Add(ReducePhase(n, bytes, elements, reductionSupport));
                break;
            case CollectiveAlgorithm.AllReduce:
                phases.Add(ReducePhase(n, bytes, elements, reductionSupport));
                phases.Add(BroadcastPhase(n, bytes, broadcastSupport));
                break;
            case CollectiveAlgorithm.Broadcast:
                phases.Add(BroadcastPhase(n, bytes, broadcastSupport));
                break;
            case CollectiveAlgorithm.Scatter:
                phases.Add(ScatterPhase(n, bytes));
                break;
            case CollectiveAlgorithm.AllGather:
                phases.Add(GatherPhase(n, bytes));
                phases.Add(BroadcastPhase(n, bytes * n, broadcastSupport));
                break;
            case CollectiveAlgorithm.ReduceScatter:
                phases.Add(ReduceScatterPhase(n, bytes, elements));
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(algorithm), algorithm, "unknown collective");
        }

        return new CollectiveSchedule(algorithm, n, phases);
    }

    private static int[] Others(int n) => Enumerable.Range(1, n - 1).ToArray();

    private static CollectivePhase GatherPhase(int n, long bytes)
    {
        var ports = new List<CollectivePortHold>();
        var flows = new List<CollectiveFlow>();
        foreach (var src in Others(n))
        {
            ports.Add(new CollectivePortHold(src, false, bytes));
            flows.Add(new CollectiveFlow(src, [0], bytes, false));
        }

        ports.Add(new CollectivePortHold(0, true, bytes * (n - 1), Math.Min(2, n - 1)));
        return new CollectivePhase("gather", ports, flows, []);
    }

    private static CollectivePhase ReducePhase(int n, long bytes, long elements, bool inNetwork)
    {
        var ports = new List<CollectivePortHold>();
        var flows = new List<CollectiveFlow>();
        foreach (var src in Others(n))
        {
            ports.Add(new CollectivePortHold(src, false, bytes));
            flows.Add(new CollectiveFlow(src, [0], bytes, false));
        }

        // In-network reduction combines partial tiles in the routers, so the root writes one tile and adds nothing.
        ports.Add(new CollectivePortHold(0, true, inNetwork ? bytes : bytes * (n - 1), Math.Min(2, n - 1)));
        IReadOnlyList<CollectiveReduction> reductions = inNetwork ? [] : [new CollectiveReduction(0, elements * (n - 1))];
        return new CollectivePhase("reduce", ports, flows, reductions);
    }

    private static CollectivePhase BroadcastPhase(int n, long bytes, bool multicast)
    {
        var ports = new List<CollectivePortHold> { new(0, false, multicast ? bytes : bytes * (n - 1)) };
        foreach (var dst in Others(n))
        {
            ports.Add(new CollectivePortHold(dst, true, bytes));
        }

        IReadOnlyList<CollectiveFlow> flows = multicast
            ? [new CollectiveFlow(0, Others(n), bytes, true)]
            : Others(n).Select(d => new CollectiveFlow(0, [d], bytes, false)).ToList();
        return new CollectivePhase("broadcast", ports, flows, []);
    }

    private static CollectivePhase ScatterPhase(int n, long bytes)
    {
        var chunk = Math.Max(1, bytes / n);
        var ports = new List<CollectivePortHold> { new(0, false, chunk * (n - 1)) };
        var flows = new List<CollectiveFlow>();
        foreach (var dst in Others(n))
        {
            ports.Add(new CollectivePortHold(dst, true, chunk));
            flows.Add(new CollectiveFlow(0, [dst], chunk, false));
        }

        return new CollectivePhase("scatter", ports, flows, []);
    }

    private static CollectivePhase ReduceScatterPhase(int n, long bytes, long elements)
    {
        var chunk = Math.Max(1, bytes / n);
        var chunkElements = Math.Max(1, elements / n);
        var ports = new List<CollectivePortHold>();
        var flows = new List<CollectiveFlow>();
        var reductions = new List<CollectiveReduction>();
        for (var node = 0; node < n; node++)
        {
            ports.Add(new CollectivePortHold(node, false, chunk * (n - 1)));
            ports.Add(new CollectivePortHold(node, true, chunk * (n - 1), Math.Min(2, n - 1)));
            reductions.Add(new CollectiveReduction(node, chunkElements * (n - 1)));
            for (var dst = 0; dst < n; dst++)
            {
                if (dst != node)
                {
                    flows.Add(new CollectiveFlow(node, [dst], chunk, false));
                }
            }
        }

        return new CollectivePhase("reduce_scatter", ports, flows, reductions);
    }
}
