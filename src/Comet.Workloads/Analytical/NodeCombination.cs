namespace Comet.Workloads.Analytical;

/// <summary>
/// Combines the tensors of a node per target memory and port, then the targets into the node's cost (reference-model §5.5–5.6).
/// </summary>
public static class NodeCombination
{
    /// <summary>Merges entry costs per target memory: windows shared by tensors on one target port are consumed in order (the tool's get_node1_node2_cost).</summary>
    /// <param name="pairs">Entry costs by (target, child) level ids, in level order.</param>
    /// <param name="maxIterations">The node's largest iteration count.</param>
    /// <param name="portUsage">Per child memory and port, cycles its opposite port spends on its own children (empty unless ports are shared).</param>
    /// <param name="portsShared">Whether a child level shares parent/child ports.</param>
    /// <param name="isCompute">Whether a level is a compute level.</param>
    public static SortedDictionary<int, PortCost[]> PerTarget(
        SortedDictionary<(int Target, int Child), List<PortCost[]>> pairs,
        long maxIterations,
        IReadOnlyDictionary<int, Dictionary<int, long>> portUsage,
        Func<int, bool> portsShared,
        Func<int, bool> isCompute)
    {
        var result = new SortedDictionary<int, PortCost[]>();
        var slots = new List<Slot>();
        var perTargetCount = new Dictionary<int, int>();
        foreach (var ((target, child), costs) in pairs)
        {
            for (var port = 0; port < 2; port++)
            {
                foreach (var cost in costs)
                {
                    if (!cost[port].HasData)
                    {
                        continue;
                    }

                    var source = cost[port].Window;
                    long[] actual;
                    if (!isCompute(child) && portUsage.Count > 0 && portsShared(child))
                    {
                        long busy = portUsage.TryGetValue(child, out var byPort) && byPort.TryGetValue(port, out var b) ? b : 0;
                        actual = new long[source.Length];
                        for (var i = 0; i < source.Length; i++)
                        {
                            actual[i] = source[i] > busy ? source[i] - busy : 0;
                        }
                    }
                    else
                    {
                        actual = source; // copied below if another tensor's transfers can take time from it
                    }

                    perTargetCount.TryGetValue(target, out var k);
                    perTargetCount[target] = k + 1;
                    slots.Add(new Slot(target, port, cost[port], actual, k));
                }
            }
        }

        // only a slot sharing its target port with another has its windows consumed; the others read the entry's own
        for (var s = 0; s < slots.Count; s++)
        {
            var slot = slots[s];
            if (ReferenceEquals(slot.Windows, slot.Cost.Window) && slots.Exists(o => o.Target == slot.Target && o.Port == slot.Port && o.Index != slot.Index))
            {
                slots[s] = slot with { Windows = (long[])slot.Windows.Clone() };
            }
        }

        // every target of the node gets a (read, write) pair, even when none of its entries carries data; a merged pair's
        // windows are never read (the windows consumed are the entries' own), so none are kept
        foreach (var ((target, _), _) in pairs)
        {
            if (!result.ContainsKey(target))
            {
                result[target] = [new PortCost(maxIterations, moves: false, windows: false), new PortCost(maxIterations, moves: false, windows: false)];
            }
        }

        var sharers = new Slot[slots.Count];
        foreach (var slot in slots)
        {
            // the other tensors on the same target and port, whose windows this slot's transfers take time from
            var sharerCount = 0;
            foreach (var other in slots)
            {
                if (other.Target == slot.Target && other.Port == slot.Port && other.Index != slot.Index)
                {
                    sharers[sharerCount++] = other;
                }
            }

            var entry = slot.Cost;
            var merged = result[slot.Target][slot.Port];
            merged.RampUp += entry.RampUp;
            merged.RampDown += entry.RampDown;
            merged.ComputeTime = Math.Max(merged.ComputeTime, entry.ComputeTime);
            if (merged.ReuseFactor == 0)
            {
                merged.ReuseFactor = 1;
            }

            if (entry.ReuseFactor > 0)
            {
                merged.ReuseFactor = Math.Min(merged.ReuseFactor, entry.ReuseFactor);
            }

            merged.Cumulative += entry.Cumulative;
            var factor = entry.ReuseFactor;
            var own = slot.Windows;
            var iterations = Math.Min(maxIterations, own.Length);
            var entryWindow = entry.Window;
            var entryStall = entry.Stall;
            var entryMoves = entry.MoveCycles;
            var mergedCompulsory = merged.CompulsoryStall;
            var mergedStall = merged.Stall;
            var hide = entry.HideLatency;
            for (long i = slot.Port; i < iterations; i++)
            {
                var moved = i < entryMoves.Length ? entryMoves[i] : 0;
                var inWindow = i < entryWindow.Length;
                var stallAt = i < entryStall.Length ? entryStall[i] : 0;
                var ownShare = Divide(own[i], factor);
                var share = Divide(moved, factor);

                // the merged steps m = i·factor + j, j < factor, clipped to each vector
                var first = i * factor;
                if (!hide && inWindow)
                {
                    for (long m = first, end = Math.Min(first + factor, mergedCompulsory.Length); m < end; m++)
                    {
                        mergedCompulsory[m] += stallAt;
                    }
                }

                var stall = share - ownShare;
                if (stall > 0)
                {
                    for (long m = first, end = Math.Min(first + factor, mergedStall.Length); m < end; m++)
                    {
                        mergedStall[m] += stall;
                    }
                }

                if (!hide)
                {
                    continue;
                }

                // the transfer takes time from the windows of the other tensors on the same target and port
                if (share == 0)
                {
                    continue;
                }

                for (var o = 0; o < sharerCount; o++)
                {
                    var other = sharers[o];
                    var otherFactor = Math.Max(other.Cost.ReuseFactor, 1);
                    var list = other.Windows;
                    for (long m = first, end = first + factor; m < end; m++)
                    {
                        var n = Divide(m, otherFactor);
                        if (n < list.Length)
                        {
                            var left = list[n] - share;
                            list[n] = left < 0 ? 0 : left;
                        }
                    }
                }
            }
        }

        return result;
    }

    // x / d, without the division in the common case d = 1 (a 64-bit division costs tens of cycles, and this runs per step).
    private static long Divide(long x, long d) => d == 1 ? x : x / d;

    private readonly record struct Slot(int Target, int Port, PortCost Cost, long[] Windows, int Index);

    /// <summary>Combines the targets of a node: the max over targets and ports of ramps and windows, and per step the stall — with the tool's overwrite of port 0 by port 1 on the first target.</summary>
    public static PortCost NodeCost(SortedDictionary<int, PortCost[]> perTarget, long maxIterations)
    {
        var node = new PortCost(maxIterations, moves: false, windows: false, compulsory: false);
        var targetIndex = 0;
        foreach (var (_, cost) in perTarget)
        {
            for (var port = 0; port < 2; port++)
            {
                var c = cost[port];
                if (!c.HasData || c.ComputeTime == 0)
                {
                    continue;
                }

                node.RampUp = Math.Max(node.RampUp, c.RampUp);
                node.RampDown = Math.Max(node.RampDown, c.RampDown);
                node.ComputeTime = Math.Max(node.ComputeTime, c.ComputeTime);
                var factor = Math.Max(c.ReuseFactor, 1);
                var stalls = c.Stall;
                var compulsory = c.CompulsoryStall;
                var result = node.Stall;

                // the steps i ≥ port with i % factor = 0, visited without dividing
                var first = (port + factor - 1) / factor;
                for (long at = first, i = first * factor; i < maxIterations; at++, i += factor)
                {
                    var value = stalls[at] + compulsory[at];
                    result[i] = targetIndex == 0 ? value : Math.Max(result[i], value); // first target: port 1 overwrites port 0 (tool quirk)
                }
            }

            targetIndex++;
        }

        return node;
    }

    /// <summary>Node cycles = window + ramp-up + ramp-down + Σ stalls, truncated to 32 bits as the tool returns it.</summary>
    public static long Total(PortCost node)
    {
        long stalls = 0;
        foreach (var s in node.Stall)
        {
            stalls += s;
        }

        return (uint)(node.ComputeTime + node.RampUp + node.RampDown + (uint)stalls);
    }
}
