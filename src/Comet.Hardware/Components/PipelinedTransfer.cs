using Comet.Sim;

namespace Comet.Hardware.Components;

/// <summary>The process of one tile moving as a DMA engine moves it: in chunks, through source ports, the mesh and destination ports at once, with bounded staging between them.</summary>
/// <remarks>
/// The read ports (source side) and the write ports (destination side) are stages of one pipeline, with the mesh leg
/// between them when there is one; <see cref="TransferPipeline"/> runs it. On an idle machine, with N chunks and a
/// per-chunk time t_s at every stage, a move takes H·h + Σ_s t_s + (N − 1)·max_s t_s: the slowest stage's
/// serialization plus the other stages' fill (docs/simulator.md). A move with one side only and no mesh is one
/// stage and is held as <see cref="DataTransfer.Run"/> holds it.
/// </remarks>
public static class PipelinedTransfer
{
    /// <summary>A process moving the data of <paramref name="ports"/> (reads are the source, writes the destination) over <paramref name="network"/> in chunks of <paramref name="staging"/>.</summary>
    /// <param name="sim">The simulation.</param>
    /// <param name="requester">Who waits when a port or link is busy (stall rows go on its track).</param>
    /// <param name="label">Operation, tensor and tile for the trace.</param>
    /// <param name="ports">The port holds of both sides, each for its whole share of the transfer.</param>
    /// <param name="network">The mesh leg, or null when the memories are directly connected.</param>
    /// <param name="staging">Chunk size and staging depth.</param>
    /// <param name="networkBytes">Bytes that cross the network (0: the largest port use).</param>
    public static IEnumerable<Event> Run(Simulation sim, ComponentRef requester, ActivityLabel label, IReadOnlyList<PortUse> ports, NetworkLeg? network, TransferStaging staging, long networkBytes = 0) =>
        Run(sim, requester, label, ports as PortUse[] ?? [.. ports], network, staging, networkBytes, null);

    /// <summary>A process moving the data of <paramref name="ports"/> (read during the call only, never kept) as <see cref="Run(Simulation, ComponentRef, ActivityLabel, IReadOnlyList{PortUse}, NetworkLeg?, TransferStaging, long)"/> does; a one-chunk transfer's body comes from <paramref name="spares"/> and goes back there when done.</summary>
    /// <param name="sim">The simulation.</param>
    /// <param name="requester">Who waits when a port or link is busy (stall rows go on its track).</param>
    /// <param name="label">Operation, tensor and tile for the trace.</param>
    /// <param name="ports">The port holds of both sides, each for its whole share of the transfer.</param>
    /// <param name="network">The mesh leg, or null when the memories are directly connected.</param>
    /// <param name="staging">Chunk size and staging depth.</param>
    /// <param name="networkBytes">Bytes that cross the network (0: the largest port use).</param>
    /// <param name="spares">Where one-chunk bodies are recycled, or null for a new body each time.</param>
    public static IEnumerable<Event> Run(Simulation sim, ComponentRef requester, ActivityLabel label, ReadOnlySpan<PortUse> ports, NetworkLeg? network, TransferStaging staging, long networkBytes, TransferSpares? spares)
    {
        var reads = 0;
        long bytes = 0;
        for (var i = 0; i < ports.Length; i++)
        {
            reads += ports[i].Activity == ActivityKind.Write ? 0 : 1;
            bytes = Math.Max(bytes, ports[i].Bytes);
        }

        var hasNetwork = network is { To.Count: > 0 };
        if (!hasNetwork && (reads == 0 || reads == ports.Length))
        {
            return DataTransfer.Run(sim, requester, label, ports.ToArray(), null);
        }

        var totalBytes = Math.Max(1, networkBytes > 0 ? networkBytes : bytes);
        if (totalBytes <= Math.Max(1, staging.ChunkBytes))
        {
            // One chunk (the common case): one body, reads then writes, each side in key order.
            var body = (spares?.Take() ?? new SingleChunkTransfer(null)).Prepare(sim, requester, label, ports, reads, hasNetwork ? network : null, totalBytes);
            if (!InOrder(ports, reads))
            {
                var ordered = body.Uses;
                int r = 0, w = reads;
                for (var i = 0; i < ports.Length; i++)
                {
                    ordered[ports[i].Activity == ActivityKind.Write ? w++ : r++] = ports[i];
                }

                ordered[..reads].Sort(ByKey);
                ordered[reads..].Sort(ByKey);
            }

            return body;
        }

        var source = new PortUse[reads];
        var destination = new PortUse[ports.Length - reads];
        int s = 0, d = 0;
        foreach (var p in ports)
        {
            if (p.Activity == ActivityKind.Write)
            {
                destination[d++] = p;
            }
            else
            {
                source[s++] = p;
            }
        }

        KeyOrder(source);
        KeyOrder(destination);
        var pipeline = new TransferPipeline(sim, requester, label, source, destination, network, networkBytes > 0 ? networkBytes : bytes, staging);
        return Stages(sim, pipeline);
    }

    private static IEnumerable<Event> Stages(Simulation sim, TransferPipeline pipeline)
    {
        sim.Process(pipeline.Source(), "read");
        yield return sim.Call(pipeline.Destination());
    }

    /// <summary>Puts one side's port holds into key order, so two transfers never wait on each other crosswise.</summary>
    private static void KeyOrder(PortUse[] uses) => Array.Sort(uses, ByKey);

    /// <summary>True when <paramref name="uses"/> holds its <paramref name="reads"/> reads first and each side in strictly increasing key order already (a fill lists its target side, then its children), so sorting would leave it as it is.</summary>
    private static bool InOrder(ReadOnlySpan<PortUse> uses, int reads)
    {
        for (var i = 0; i < uses.Length; i++)
        {
            if ((uses[i].Activity == ActivityKind.Write) != (i >= reads)
                || (i > 0 && i != reads && ByKey(uses[i - 1], uses[i]) >= 0))
            {
                return false;
            }
        }

        return true;
    }

    private static readonly Comparison<PortUse> ByKey = static (a, b) => string.CompareOrdinal(a.Pool.Key, b.Pool.Key);
}
