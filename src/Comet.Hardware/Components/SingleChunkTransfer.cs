using Comet.Sim;

namespace Comet.Hardware.Components;

/// <summary>A pipelined transfer of one chunk, the common case: read, cross the mesh, write, all in the caller's process and one iterator.</summary>
/// <remarks>
/// It does exactly what <see cref="TransferPipeline"/> does for one chunk (no stage waits on another, so there is
/// nothing to pipeline), without its per-transfer object, per-side iterators and arrays: a chunk's share of a port
/// use is the whole use, and its hold is ⌈bytes ÷ bw⌉ plus the access latency.
/// </remarks>
internal static class SingleChunkTransfer
{
    /// <summary>A process moving <paramref name="uses"/> (the <paramref name="reads"/> source holds first, then the destination holds, each side in key order) over <paramref name="network"/>.</summary>
    /// <param name="sim">The simulation.</param>
    /// <param name="requester">Who waits when a port or link is busy.</param>
    /// <param name="label">Operation, tensor and tile for the trace.</param>
    /// <param name="uses">Source holds, then destination holds.</param>
    /// <param name="reads">How many of <paramref name="uses"/> are the source's.</param>
    /// <param name="network">The mesh leg, or null.</param>
    /// <param name="networkBytes">Bytes that cross the mesh (at least 1).</param>
    public static IEnumerable<Event> Run(Simulation sim, ComponentRef requester, ActivityLabel label, PortUse[] uses, int reads, NetworkLeg? network, long networkBytes)
    {
        var trace = sim.Trace;
        // The grants of the side being held. A plain array: thousands of transfers hold theirs across yields at once, far
        // more than a shared array pool keeps per size, so renting cost a pool miss and an allocation anyway.
        var grants = new Request?[Math.Max(reads, uses.Length - reads)];
        try
        {
            for (var side = 0; side < 2; side++)
            {
                var from = side == 0 ? 0 : reads;
                var to = side == 0 ? reads : uses.Length;
                if (side == 1 && network is not null)
                {
                    if (network.Multicast || network.To.Count == 1)
                    {
                        yield return sim.Call(network.Mesh.Send(sim, requester, label, network.From, network.To, networkBytes));
                    }
                    else
                    {
                        var legs = new Event[network.To.Count];
                        for (var i = 0; i < legs.Length; i++)
                        {
                            legs[i] = sim.Process(network.Mesh.Send(sim, requester, label, network.From, [network.To[i]], networkBytes), "unicast");
                        }

                        yield return sim.AllOf(legs);
                    }
                }

                // Takes every port of the side in key order.
                for (var i = from; i < to; i++)
                {
                    if (uses[i].Bytes <= 0)
                    {
                        continue;
                    }

                    var asked = sim.Now;
                    if (!uses[i].Pool.Resource.TryRequest(out var grant))
                    {
                        grants[i - from] = grant;
                        yield return grant;
                    }

                    grants[i - from] = grant;
                    if (sim.Now > asked)
                    {
                        trace?.Write(new TraceRecord(asked, sim.Now, requester.Name, requester.Instance, ActivityKind.Stall, label.Operation, label.Tensor, label.Tile, uses[i].Bytes, uses[i].Pool.StallReason));
                    }
                }

                // Every port streams its own share; each is released when its share is through (shortest first).
                var start = sim.Now;
                for (var released = from; released < to; released++)
                {
                    var next = -1;
                    long nextHold = 0;
                    for (var i = from; i < to; i++)
                    {
                        if (grants[i - from] is not null)
                        {
                            var hold = CyclesOf(uses[i]);
                            if (next < 0 || hold < nextHold)
                            {
                                (next, nextHold) = (i, hold);
                            }
                        }
                    }

                    if (next < 0)
                    {
                        break;
                    }

                    var remaining = start + nextHold - sim.Now;
                    if (remaining > 0)
                    {
                        yield return sim.Timeout(remaining);
                    }

                    grants[next - from]!.Dispose();
                    grants[next - from] = null;
                    var owner = uses[next].Pool.Owner;
                    trace?.Write(new TraceRecord(start, sim.Now, owner.Name, owner.Instance, uses[next].Activity, label.Operation, label.Tensor, label.Tile, uses[next].Bytes, ""));
                }

                // Counts the side's bytes and busy cycles once, as a serial transfer counts them.
                for (var i = from; i < to; i++)
                {
                    if (uses[i].Bytes > 0)
                    {
                        uses[i].Account?.Count(uses[i].Bytes);
                        uses[i].Pool.AddBusy(CyclesOf(uses[i]));
                    }
                }
            }
        }
        finally
        {
            for (var i = 0; i < grants.Length; i++)
            {
                grants[i]?.Dispose();
            }
        }
    }

    /// <summary>Cycles a port is held for the whole chunk: ⌈bytes ÷ bw⌉ + the access latency.</summary>
    private static long CyclesOf(PortUse use) =>
        Cycles.ForBytes(use.Bytes, use.BytesPerCycle > 0 ? use.BytesPerCycle : use.Pool.BytesPerCycle) + use.Pool.AccessLatencyCycles;
}
