using Comet.Hardware.Specs;
using Comet.Workloads.Inputs;
using Comet.Workloads.Loop;

namespace Comet.Workloads.Analytical;

/// <summary>Memory time, network time and NoC energy of moving one tile between a target memory and a child (reference-model §5.1).</summary>
public static class TileMoveCost
{
    /// <summary>The cost of one move of <paramref name="move"/> for an entry.</summary>
    /// <remarks>
    /// pu = max(1, min(U, ports)); Bt = target child bw (÷ports·pu when pu &lt; ports, capped at pu·net bw); Bc = child parent bw (capped at net bw);
    /// sf = ⌈F/U⌉ without multicast/reduction; memory = trunc(max(⌈sf·U·S·s/Bt⌉, ⌈S·s/Bc⌉)) in float32; network = mesh link latency.
    /// </remarks>
    public static TileCost Evaluate(HierarchyLevelSpec target, HierarchyLevelSpec child, NetworkSpec network, TileMove move, bool readWrite, bool readModifyWrite, int precisionBits, bool nocEnergy)
    {
        var memory = target.Memory ?? throw new InvalidOperationException($"level '{target.Name}' is not a memory");
        var size = move.Elements;
        var unique = move.UniqueTiles;
        var fanOut = move.FanOut;
        var ports = memory.Ports;
        var portsUsed = Math.Max(Math.Min(unique, ports), 1);
        long targetBw;
        if (readWrite)
        {
            targetBw = memory.ChildWriteBandwidth;
            if (unique == 0)
            {
                unique = 1; // drains always move their tile
            }
        }
        else
        {
            targetBw = memory.ChildReadBandwidth;
        }

        if (portsUsed < ports)
        {
            targetBw = targetBw / ports * portsUsed;
        }

        var scale = (float)(precisionBits / 8.0);
        long childBw = child.IsCompute ? network.PortBandwidth : readWrite ? child.Memory!.ParentReadBandwidth : child.Memory!.ParentWriteBandwidth;
        var netBw = network.PortBandwidth;
        if (targetBw > portsUsed * netBw)
        {
            targetBw = portsUsed * netBw;
        }

        if (childBw > netBw)
        {
            childBw = netBw;
        }

        var support = readWrite ? network.Reduces : network.Multicasts;
        long scatter = 1;
        if (!support && unique != 0)
        {
            scatter = (fanOut + unique - 1) / unique;
        }

        if (targetBw == 0 || (unique != 0 && childBw == 0))
        {
            var level = targetBw == 0 ? target : child;
            throw new InvalidOperationException($"zero bandwidth moving data between '{target.Name}' and '{child.Name}' (check the {level.Name} bandwidths in arch.yaml)");
        }

        var timeTarget = MathF.Ceiling((float)scatter * (float)unique * (float)size * scale / (float)targetBw);
        var timeChild = unique == 0 ? 0f : MathF.Ceiling((float)size * scale / (float)childBw);
        if (readWrite && readModifyWrite)
        {
            var readBw = memory.ChildReadBandwidth;
            if (portsUsed < ports)
            {
                readBw = readBw / ports * portsUsed;
            }

            timeTarget += MathF.Ceiling((float)scatter * (float)unique * (float)size * scale / (float)readBw);
        }

        var memoryTime = (long)Math.Max(timeTarget, timeChild);
        var kind = readWrite ? CollectiveKind.Gather : move.UniqueTiles == 1 ? CollectiveKind.Broadcast : CollectiveKind.Scatter;
        var networkTime = NetworkLatency.LinkLatency(network, kind, size, move.UniqueTiles, fanOut, scale, OperationKind.None);
        var energy = nocEnergy ? NetworkLatency.LinkEnergy(network, kind, size, move.UniqueTiles, fanOut, scale, OperationKind.None) : 0f;
        return new TileCost(memoryTime, networkTime, energy);
    }
}
