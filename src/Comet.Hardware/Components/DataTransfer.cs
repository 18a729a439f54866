using Comet.Sim;

namespace Comet.Hardware.Components;

/// <summary>The process of one tile moving between memories: the ports stream it, then the network carries it.</summary>
/// <remarks>
/// Every port of the transfer is acquired (in key order, so two transfers never wait on each other crosswise), then
/// all are held together, each for its own bytes ÷ bandwidth, so the slowest port sets the pace: max(Tt, Tc). The
/// network leg follows as a store-and-forward pipeline delay. On an idle machine that is COMET's L = max(Tt, Tc) + Lnet.
/// </remarks>
public static class DataTransfer
{
    /// <summary>A process that holds <paramref name="ports"/> together and then sends the data over <paramref name="network"/>.</summary>
    /// <param name="sim">The simulation.</param>
    /// <param name="requester">Who waits when a port or link is busy (stall rows go on its track).</param>
    /// <param name="label">Operation, tensor and tile for the trace.</param>
    /// <param name="ports">The port holds (source and destination sides); an array is put into key order in place.</param>
    /// <param name="network">The mesh leg, or null when the memories are directly connected.</param>
    /// <param name="networkBytes">Bytes that cross the network (0: the largest port use).</param>
    public static IEnumerable<Event> Run(Simulation sim, ComponentRef requester, ActivityLabel label, IReadOnlyList<PortUse> ports, NetworkLeg? network, long networkBytes = 0)
    {
        var trace = sim.Trace;
        var count = ports.Count;
        var order = ports as PortUse[] ?? [.. ports];
        var holds = new long[count];
        var grants = new Request?[count];

        // Acquire in key order (insertion sort: transfers hold two or three ports).
        for (var i = 1; i < count; i++)
        {
            var x = order[i];
            var j = i - 1;
            while (j >= 0 && string.CompareOrdinal(order[j].Pool.Key, x.Pool.Key) > 0)
            {
                order[j + 1] = order[j];
                j--;
            }

            order[j + 1] = x;
        }

        try
        {
            for (var i = 0; i < count; i++)
            {
                if (order[i].Bytes <= 0)
                {
                    continue;
                }

                var asked = sim.Now;
                var atOnce = order[i].Pool.Resource.TryRequest(out var grant);
                grants[i] = grant;
                if (!atOnce)
                {
                    yield return grant;
                }

                if (sim.Now > asked)
                {
                    trace?.Write(new TraceRecord(asked, sim.Now, requester.Name, requester.Instance, ActivityKind.Stall, label.Operation, label.Tensor, label.Tile, order[i].Bytes, order[i].Pool.StallReason));
                }
            }

            // Hold all ports together; release each as soon as its own bytes are through (shortest first).
            var start = sim.Now;
            for (var i = 0; i < count; i++)
            {
                holds[i] = order[i].Bytes <= 0 ? 0 : order[i].Cycles;
            }

            for (var released = 0; released < count; released++)
            {
                var next = -1;
                for (var i = 0; i < count; i++)
                {
                    if (grants[i] is not null && (next < 0 || holds[i] < holds[next]))
                    {
                        next = i;
                    }
                }

                if (next < 0)
                {
                    break;
                }

                var remaining = start + holds[next] - sim.Now;
                if (remaining > 0)
                {
                    yield return sim.Timeout(remaining);
                }

                grants[next]!.Dispose();
                grants[next] = null;
                order[next].Account?.Count(order[next].Bytes);
                order[next].Pool.AddBusy(holds[next]);
                var owner = order[next].Pool.Owner;
                trace?.Write(new TraceRecord(start, sim.Now, owner.Name, owner.Instance, order[next].Activity, label.Operation, label.Tensor, label.Tile, order[next].Bytes, ""));
            }
        }
        finally
        {
            foreach (var g in grants)
            {
                g?.Dispose();
            }
        }

        if (network is null || network.To.Count == 0)
        {
            yield break;
        }

        var bytes = networkBytes > 0 ? networkBytes : MaxBytes(ports);
        if (network.Multicast || network.To.Count == 1)
        {
            yield return sim.Call(network.Mesh.Send(sim, requester, label, network.From, network.To, bytes));

            yield break;
        }

        var legs = new Event[network.To.Count];
        for (var i = 0; i < legs.Length; i++)
        {
            legs[i] = sim.Process(network.Mesh.Send(sim, requester, label, network.From, [network.To[i]], bytes), "unicast");
        }

        yield return sim.AllOf(legs);
    }

    /// <summary>A process moving one tile through one port (the other end has no port of its own to contend for).</summary>
    public static IEnumerable<Event> RunSingle(Simulation sim, ComponentRef requester, ActivityLabel label, PortUse use)
    {
        var trace = sim.Trace;
        var asked = sim.Now;
        var atOnce = use.Pool.Resource.TryRequest(out var grant);
        try
        {
            if (!atOnce)
            {
                yield return grant;
            }

            if (sim.Now > asked)
            {
                trace?.Write(new TraceRecord(asked, sim.Now, requester.Name, requester.Instance, ActivityKind.Stall, label.Operation, label.Tensor, label.Tile, use.Bytes, use.Pool.StallReason));
            }

            var start = sim.Now;
            var hold = use.Cycles;
            if (hold > 0)
            {
                yield return sim.Timeout(hold);
            }

            use.Account?.Count(use.Bytes);
            use.Pool.AddBusy(hold);
            trace?.Write(new TraceRecord(start, sim.Now, use.Pool.Owner.Name, use.Pool.Owner.Instance, use.Activity, label.Operation, label.Tensor, label.Tile, use.Bytes, ""));
        }
        finally
        {
            grant.Dispose();
        }
    }

    /// <summary>A process moving one tile between exactly two ports with no network leg (the common operand fill/drain), without per-transfer allocations.</summary>
    public static IEnumerable<Event> RunPair(Simulation sim, ComponentRef requester, ActivityLabel label, PortUse first, PortUse second)
    {
        // Same semantics as Run: acquire in key order, hold together, release each when its own bytes are through.
        if (string.CompareOrdinal(first.Pool.Key, second.Pool.Key) > 0)
        {
            (first, second) = (second, first);
        }

        var trace = sim.Trace;
        Request? a = null;
        Request? b = null;
        try
        {
            var asked = sim.Now;
            if (!first.Pool.Resource.TryRequest(out a))
            {
                yield return a;
            }
            if (sim.Now > asked)
            {
                trace?.Write(new TraceRecord(asked, sim.Now, requester.Name, requester.Instance, ActivityKind.Stall, label.Operation, label.Tensor, label.Tile, first.Bytes, first.Pool.StallReason));
            }

            asked = sim.Now;
            if (!second.Pool.Resource.TryRequest(out b))
            {
                yield return b;
            }
            if (sim.Now > asked)
            {
                trace?.Write(new TraceRecord(asked, sim.Now, requester.Name, requester.Instance, ActivityKind.Stall, label.Operation, label.Tensor, label.Tile, second.Bytes, second.Pool.StallReason));
            }

            var start = sim.Now;
            var holdA = first.Cycles;
            var holdB = second.Cycles;
            var (early, late) = holdA <= holdB ? (first, second) : (second, first);
            var (earlyHold, lateHold) = holdA <= holdB ? (holdA, holdB) : (holdB, holdA);
            var earlyGrant = holdA <= holdB ? a : b;
            var lateGrant = holdA <= holdB ? b : a;
            if (earlyHold > 0)
            {
                yield return sim.Timeout(earlyHold);
            }

            earlyGrant.Dispose();
            if (ReferenceEquals(earlyGrant, a))
            {
                a = null;
            }
            else
            {
                b = null;
            }

            early.Account?.Count(early.Bytes);
            early.Pool.AddBusy(earlyHold);
            trace?.Write(new TraceRecord(start, sim.Now, early.Pool.Owner.Name, early.Pool.Owner.Instance, early.Activity, label.Operation, label.Tensor, label.Tile, early.Bytes, ""));
            if (lateHold > earlyHold)
            {
                yield return sim.Timeout(lateHold - earlyHold);
            }

            lateGrant.Dispose();
            if (ReferenceEquals(lateGrant, a))
            {
                a = null;
            }
            else
            {
                b = null;
            }

            late.Account?.Count(late.Bytes);
            late.Pool.AddBusy(lateHold);
            trace?.Write(new TraceRecord(start, sim.Now, late.Pool.Owner.Name, late.Pool.Owner.Instance, late.Activity, label.Operation, label.Tensor, label.Tile, late.Bytes, ""));
        }
        finally
        {
            a?.Dispose();
            b?.Dispose();
        }
    }

    private static long MaxBytes(IReadOnlyList<PortUse> ports)
    {
        long max = 0;
        foreach (var p in ports)
        {
            max = Math.Max(max, p.Bytes);
        }

        return max;
    }
}
