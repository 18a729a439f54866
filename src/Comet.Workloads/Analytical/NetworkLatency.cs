using Comet.Hardware.Components;
using Comet.Hardware.Energy;
using Comet.Hardware.Inputs;
using Comet.Hardware.Specs;
using Comet.Workloads.Inputs;

namespace Comet.Workloads.Analytical;

/// <summary>Network time and NoC energy of a transfer or collective phase over a network (reference-model §5.2, §8.3).</summary>
public static class NetworkLatency
{
    /// <summary>Cycles: hops·hop_latency + (Q·bits/W)·queuing_delay (+ Q·F·c/16 for reductions), Q = elements·data multiplier, in float32 and truncated.</summary>
    public static long LinkLatency(NetworkSpec net, CollectiveKind kind, long elements, long uniqueTiles, long fanOut, float bytesPerElement, OperationKind reduction)
    {
        if (net.Kind == NetworkKind.HierarchicalCrossbar)
        {
            return CrossbarLatency(net, kind, elements, uniqueTiles, fanOut);
        }

        if (uniqueTiles == 0 || fanOut == 1)
        {
            return 0;
        }

        var (x, y) = MeshHops.ActiveMesh(net.HasMesh, net.MeshX, net.MeshY, fanOut);
        var (hops, data) = MeshHops.ForMesh(x, y);
        var bits = bytesPerElement * 8;
        float width = (uint)net.ChannelWidth;
        float queue = (uint)net.QueuingDelay;
        float router, queuing, reductionCycles = 0;
        switch (kind)
        {
            case CollectiveKind.Broadcast or CollectiveKind.Gather or CollectiveKind.Scatter or CollectiveKind.Reduction:
            {
                router = (uint)(hops * net.HopLatency);
                var q = (ulong)(elements * data);
                if (kind == CollectiveKind.Reduction && reduction != OperationKind.None)
                {
                    reductionCycles = (float)(q * (ulong)fanOut * 1.0f / 16.0);
                }

                if (kind == CollectiveKind.Scatter && uniqueTiles == 1)
                {
                    q = (ulong)((float)q / fanOut);
                }

                queuing = q * bits / width * queue;
                break;
            }

            case CollectiveKind.AllReduce:
            {
                router = (uint)(hops * net.HopLatency);
                var q = (ulong)(elements * data);
                queuing = q * bits / width * queue;
                if (reduction != OperationKind.None)
                {
                    reductionCycles = (float)(q * (ulong)fanOut * 1.0f / 16.0);
                }

                router += (uint)(hops * net.HopLatency);
                q = (ulong)(elements * data);
                queuing += q * bits / width * queue;
                break;
            }

            case CollectiveKind.AllGather:
            {
                router = (uint)(hops * net.HopLatency);
                var q = (ulong)(elements * data);
                queuing = q * bits / width * queue;
                router += (uint)(hops * net.HopLatency);
                queuing += q * bits / width * queue;
                break;
            }

            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, "no link latency for this collective kind (CollectiveCost prices a reduce-scatter as its two phases)");
        }

        return (long)(ulong)(router + queuing + reductionCycles);
    }

    /// <summary>NoC energy (pJ, float): Orion router energy of H hops carrying Q·bits (+ Q·F·e_op for reductions); 0 without fan-out.</summary>
    public static float LinkEnergy(NetworkSpec net, CollectiveKind kind, long elements, long uniqueTiles, long fanOut, float bytesPerElement, OperationKind reduction)
    {
        if (net.Kind == NetworkKind.HierarchicalCrossbar || uniqueTiles == 0 || fanOut == 1)
        {
            return 0;
        }

        var (x, y) = MeshHops.ActiveMesh(net.HasMesh, net.MeshX, net.MeshY, fanOut);
        var (hops, data) = MeshHops.ForMesh(x, y);
        uint totalHops;
        uint q;
        float reductionEnergy = 0;
        switch (kind)
        {
            case CollectiveKind.Broadcast or CollectiveKind.Gather or CollectiveKind.Scatter or CollectiveKind.Reduction:
                totalHops = (uint)hops;
                q = (uint)(elements * data);
                if (kind == CollectiveKind.Reduction && reduction != OperationKind.None)
                {
                    reductionEnergy = unchecked(q * (uint)fanOut) * ReductionEnergy(reduction);
                }

                if (kind == CollectiveKind.Scatter && uniqueTiles == 1)
                {
                    q = (uint)((float)q / fanOut);
                }

                break;
            case CollectiveKind.AllReduce:
                totalHops = (uint)hops;
                q = (uint)(elements * data);
                if (reduction != OperationKind.None)
                {
                    reductionEnergy = unchecked(q * (uint)fanOut) * ReductionEnergy(reduction);
                }

                totalHops += (uint)hops;
                q += (uint)(elements * data);
                break;
            case CollectiveKind.AllGather:
                totalHops = (uint)hops;
                q = (uint)(elements * data);
                totalHops += (uint)hops;
                q += (uint)(elements * data);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, "no link energy for this collective kind (CollectiveCost prices a reduce-scatter as its two phases)");
        }

        q = (uint)(q * (bytesPerElement * 8));
        return (float)(OrionRouterEnergy.Energy((uint)net.ChannelWidth, totalHops, (uint)net.QueuingDelay, q, x) + reductionEnergy);
    }

    // The tool prices only add, max and mult reductions on the wire (per lane, single precision); others cost nothing here.
    private static float ReductionEnergy(OperationKind op) => op is OperationKind.Add or OperationKind.Max or OperationKind.Mult
        ? (float)SimdOperationCost.PicojoulesPerLane(OperationKinds.Simd(op), 1)
        : 0f;

    /// <summary>Hierarchical crossbar: 2·paths·hop + conflicts·hop (+ reduction terms when it reduces, which an HXbar never does).</summary>
    private static long CrossbarLatency(NetworkSpec net, CollectiveKind kind, long elements, long uniqueTiles, long fanOut)
    {
        var levels = net.HierarchyLevels;
        if (levels.Count == 0)
        {
            throw new InvalidOperationException("an HXbarNetwork needs hierarchy_levels");
        }

        if (fanOut % levels[^1] != 0)
        {
            throw new InputException("arch.yaml", "Hierarchy.attributes.hierarchy_levels",
                $"a hierarchical crossbar needs the fan-out ({fanOut}) to be a multiple of its leaf crossbar size ({levels[^1]})");
        }

        long paths = 0;
        long nodes = 1;
        for (var i = levels.Count - 1; i >= 0; i--)
        {
            if (fanOut > nodes)
            {
                paths++;
            }
            else
            {
                break;
            }

            nodes *= levels[i];
        }

        var latency = 2 * paths * net.HopLatency;
        if (kind is CollectiveKind.AllReduce or CollectiveKind.AllGather or CollectiveKind.Gather)
        {
            long conflicts = 0;
            var remaining = fanOut;
            long packets = 1;
            for (var i = 0; i < paths; i++)
            {
                var leaf = levels[levels.Count - 1 - i];
                var conflicting = remaining > leaf ? leaf : remaining;
                conflicts += (conflicting - 1) * packets;
                packets *= leaf;
                remaining /= leaf;
            }

            latency += conflicts * net.HopLatency;
        }

        _ = elements;
        _ = uniqueTiles;
        return latency;
    }
}
