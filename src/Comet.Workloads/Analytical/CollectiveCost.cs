using Comet.Hardware.Specs;
using Comet.Workloads.Inputs;
using Comet.Workloads.Loop;

namespace Comet.Workloads.Analytical;

/// <summary>Cycles and energy of a collective between the instances of one memory level (reference-model §7).</summary>
public static class CollectiveCost
{
    /// <summary>Evaluates a collective: memory time by type plus link-network time; read/write energy at the target and NoC energy.</summary>
    public static CollectiveResult Evaluate(ArchitectureSpec arch, CollectiveTransfer transfer, bool nocEnergy)
    {
        var node = transfer.Node;
        if (node.Kind == CollectiveKind.ReduceScatter)
        {
            return ReduceScatter(arch, transfer, nocEnergy);
        }

        var target = arch.Levels[node.TargetLevelId];
        var memory = target.Memory ?? throw new InvalidOperationException($"collective target '{target.Name}' is not a memory");
        var link = target.LinkNetwork ?? throw new InvalidOperationException($"level '{target.Name}' has no link network");
        double readSize = transfer.ReadElements;
        double writeSize = transfer.WriteElements;
        var scale = (float)node.PrecisionBits / 8.0;
        long sources = 1, destinations = 1;
        foreach (var s in node.SourceLevelIds)
        {
            sources *= arch.Levels[s].Instances;
        }

        foreach (var d in node.DestinationLevelIds)
        {
            destinations *= arch.Levels[d].Instances;
        }

        var spatial = node.SpatialFactor == 0 ? sources : node.SpatialFactor;
        double linkRead = (uint)memory.LinkReadBandwidth;
        double linkWrite = (uint)memory.LinkWriteBandwidth;
        double portBw = link.PortBandwidth;
        var networkTime = NetworkLatency.LinkLatency(link, node.Kind, transfer.ReadElements, 1, sources, (float)scale, node.ReductionOperator);
        double networkEnergy = nocEnergy ? NetworkLatency.LinkEnergy(link, node.Kind, transfer.ReadElements, 1, sources, (float)scale, node.ReductionOperator) : 0;
        double readCost = memory.ChildReadEnergy, writeCost = memory.ChildWriteEnergy;
        double block = memory.WidthBytes;
        double memWrite = (uint)memory.ChildWriteBandwidth;
        double reductionCost = memory.ReductionCost;
        long memoryTime = 0;
        double readEnergy = 0, writeEnergy = 0;
        switch (node.Kind)
        {
            case CollectiveKind.Gather:
            {
                var ports = (double)Math.Min(link.Ports, sources - 1);
                linkRead = Math.Min(linkRead, portBw);
                linkWrite = Math.Min(linkWrite, ports * portBw);
                linkWrite = Math.Min(linkWrite, memWrite);
                var readBase = readSize * scale / linkRead; // (R·s)/Blr
                var writeBase = (sources - 1) * writeSize * scale / (linkWrite * sources); // (N−1)·W·s/(Blw·N)
                memoryTime = (long)Math.Max(Math.Ceiling(writeBase), Math.Ceiling(readBase));
                readEnergy = readSize * scale / block * readCost;
                writeEnergy = (sources - 1) * readSize * scale / block * writeCost;
                break;
            }

            case CollectiveKind.Broadcast:
            {
                linkRead = Math.Min(linkRead, portBw);
                linkWrite = Math.Min(linkWrite, portBw);
                var readBase = readSize * scale / linkRead;
                var writeBase = readSize * scale / linkWrite;
                var timeWrite = Math.Ceiling(writeBase);
                double timeRead;
                writeEnergy = (destinations - 1) * readSize * scale / block * writeCost;
                if (link.Multicasts)
                {
                    timeRead = Math.Ceiling(readBase);
                    readEnergy = readSize * scale / block * readCost;
                }
                else
                {
                    timeRead = Math.Ceiling(readBase * destinations);
                    readEnergy = destinations * readSize * scale / block * readCost;
                }

                memoryTime = (long)Math.Max(timeRead, timeWrite);
                break;
            }

            case CollectiveKind.Reduction:
            {
                linkRead = Math.Min(linkRead, portBw);
                linkWrite = Math.Min(linkWrite, portBw);
                var readBase = readSize * scale / linkRead;
                var writeBase = readSize * scale / linkWrite;
                readEnergy = readSize * scale * sources / block * readCost;
                writeEnergy = readSize * scale / block * writeCost;
                if (link.Reduces)
                {
                    var t = readBase + writeBase;
                    t += writeBase * reductionCost;
                    memoryTime = (long)Math.Ceiling(t);
                }
                else
                {
                    var steps = sources - 1;
                    var t = Math.Max(readBase * steps, writeBase * steps);
                    t += writeBase * reductionCost;
                    memoryTime = (long)Math.Ceiling(t);
                    readEnergy *= steps;
                    writeEnergy *= steps;
                }

                break;
            }

            case CollectiveKind.AllGather:
            {
                linkRead = Math.Min(linkRead, portBw);
                linkWrite = Math.Min(linkWrite, portBw);
                var readBase = readSize * sources * scale / linkRead;
                var writeBase = readSize * sources * scale / linkWrite;
                readEnergy = readSize * sources * scale / block * readCost;
                writeEnergy = readSize * sources * scale / block * writeCost;
                if (link.Multicasts)
                {
                    memoryTime = (long)Math.Ceiling(writeBase * spatial);
                    writeEnergy *= spatial;
                }
                else
                {
                    var timeWrite = Math.Ceiling(writeBase * spatial);
                    var timeRead = Math.Ceiling(readBase * spatial);
                    memoryTime = (long)Math.Ceiling(Math.Max(timeWrite, timeRead));
                    readEnergy *= spatial;
                    writeEnergy *= spatial;
                }

                break;
            }

            case CollectiveKind.AllReduce:
            {
                linkRead = Math.Min(linkRead, portBw);
                linkWrite = Math.Min(linkWrite, portBw);
                var readBase = readSize * sources * scale / linkRead;
                var writeBase = writeSize * sources * scale / linkWrite;
                var bcast = link.Multicasts;
                var red = link.Reduces;
                readEnergy = readSize * sources * scale / block * readCost;
                writeEnergy = writeSize * sources * scale / block * writeCost;
                if (bcast && red)
                {
                    var t = writeBase + readBase;
                    t += writeBase * reductionCost;
                    memoryTime = (long)Math.Ceiling(t);
                }
                else if (bcast && !red)
                {
                    var t = (writeBase + readBase) * spatial;
                    t += writeBase * reductionCost;
                    memoryTime = (long)Math.Ceiling(t);
                    readEnergy *= spatial;
                    writeEnergy *= spatial;
                }
                else if (!bcast && !red)
                {
                    var t = (2 * readBase + writeBase) * spatial;
                    t += writeBase * reductionCost;
                    memoryTime = (long)Math.Ceiling(t);
                    readEnergy *= spatial * 2;
                    writeEnergy *= spatial;
                }

                // !bcast && red: the tool leaves the memory time at 0
                break;
            }

            case CollectiveKind.Scatter:
            {
                spatial = destinations;
                if (destinations <= 1)
                {
                    throw new InvalidOperationException($"{node.Name}: a scatter needs more than one destination device");
                }

                var ports = (double)Math.Min(link.Ports, destinations - 1);
                linkRead = Math.Min(linkRead, ports * portBw);
                linkWrite = Math.Min(linkWrite, portBw);
                var readBase = (spatial - 1) * readSize * scale / (linkRead * spatial);
                var writeBase = writeSize * scale / (spatial * linkWrite);
                memoryTime = (long)(Math.Ceiling(readBase) + Math.Ceiling(writeBase));
                readEnergy = (spatial - 1) * readSize * scale / (spatial * block) * readCost;
                writeEnergy = writeSize * scale / block * writeCost;
                break;
            }

            default:
                throw new ArgumentOutOfRangeException(nameof(transfer), node.Kind, "a collective kind without an analytic cost");
        }

        if (!(linkRead > 0 && linkWrite > 0) || memoryTime < 0)
        {
            throw new InvalidOperationException(
                $"{node.Name}: the {node.Kind.ToString().ToLowerInvariant()} at '{target.Name}' needs positive link_read_bw, link_write_bw (and child_write_bw for gathers) and a positive link network bw");
        }

        return new CollectiveResult(memoryTime, networkTime, readEnergy, writeEnergy, networkEnergy);
    }

    /// <summary>Comet's extension (the tool has no reduce-scatter): a reduction of the whole tile, then a scatter of the reduced tile; cycles and energies add.</summary>
    private static CollectiveResult ReduceScatter(ArchitectureSpec arch, CollectiveTransfer transfer, bool nocEnergy)
    {
        var reduce = Evaluate(arch, transfer with { Node = transfer.Node with { Kind = CollectiveKind.Reduction } }, nocEnergy);
        var scatter = Evaluate(arch, transfer with { Node = transfer.Node with { Kind = CollectiveKind.Scatter } }, nocEnergy);
        return new CollectiveResult(
            reduce.MemoryCycles + scatter.MemoryCycles,
            reduce.NetworkCycles + scatter.NetworkCycles,
            reduce.ReadEnergyPj + scatter.ReadEnergyPj,
            reduce.WriteEnergyPj + scatter.WriteEnergyPj,
            reduce.NocEnergyPj + scatter.NocEnergyPj);
    }
}
