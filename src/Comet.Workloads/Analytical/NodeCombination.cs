using static Comet.Workloads.Analytical.DictionaryGetOrAdd;

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
                    var actual = source;
                    if (!isCompute(child) && portUsage.Count > 0 && portsShared(child))
                    {
                        long busy = portUsage.TryGetValue(child, out var byPort) && byPort.TryGetValue(port, out var b) ? b : 0;
                        actual = source.Map(w => w > busy ? w - busy : 0);
                    }

                    perTargetCount.TryGetValue(target, out var k);
                    perTargetCount[target] = k + 1;
                    slots.Add(new Slot(target, port, cost[port], actual, k));
                }
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

        // what the merged vectors receive, and what earlier slots' transfers take from a later slot's windows (the windows
        // a slot consumes after its own walk are never read again)
        var stallAdds = new Dictionary<(int, int), StepEvents>();
        var compulsoryAdds = new Dictionary<(int, int), StepEvents>();
        var consumed = new StepEvents?[slots.Count];
        var sharers = new List<int>();
        for (var s = 0; s < slots.Count; s++)
        {
            var slot = slots[s];
            sharers.Clear();
            for (var o = s + 1; o < slots.Count; o++)
            {
                if (slots[o].Target == slot.Target && slots[o].Port == slot.Port && slots[o].Index != slot.Index)
                {
                    sharers.Add(o);
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
            if (consumed[s] is { } taken)
            {
                var left = taken.Build(own.Length);
                own = StepRuns.Combine(own, left, own.Length, 0, (w, t) => w - t < 0 ? 0 : w - t); // clamped subtractions of positive shares compose
            }

            var stallAdd = GetOrAdd(stallAdds, (slot.Target, slot.Port));
            var compulsoryAdd = GetOrAdd(compulsoryAdds, (slot.Target, slot.Port));
            var iterations = Math.Min(maxIterations, own.Length);
            var windowLength = entry.Window.Length;
            var mergedLength = merged.Stall.Length;
            var compulsoryLength = merged.CompulsoryStall.Length;
            var hide = entry.HideLatency;
            var (movesAt, stallsAt, ownAt) = (new StepRunCursor(entry.MoveCycles), new StepRunCursor(entry.Stall), new StepRunCursor(own));
            for (long i = slot.Port; i < iterations;)
            {
                // a stretch of steps with the same move, stall and window, all inside the entry's windows or all outside
                var moved = movesAt.Seek(i, out var next);
                var stallAt = stallsAt.Seek(i, out var end);
                next = Math.Min(next, end);
                var ownValue = ownAt.Seek(i, out end);
                next = Math.Min(Math.Min(next, end), iterations);
                var inWindow = i < windowLength;
                if (inWindow)
                {
                    next = Math.Min(next, windowLength);
                }

                var ownShare = Divide(ownValue, factor);
                var share = Divide(moved, factor);

                // the merged steps m = i·factor + j, j < factor, clipped to each vector
                var first = i * factor;
                var last = next * factor;
                if (!hide && inWindow)
                {
                    compulsoryAdd.Add(first, Math.Min(last, compulsoryLength), stallAt);
                }

                var stall = share - ownShare;
                if (stall > 0)
                {
                    stallAdd.Add(first, Math.Min(last, mergedLength), stall);
                }

                // the transfer takes time from the windows of the other tensors on the same target and port
                if (hide && share != 0)
                {
                    foreach (var o in sharers)
                    {
                        var other = slots[o];
                        (consumed[o] ??= new StepEvents()).AddSpread(first, last, Math.Max(other.Cost.ReuseFactor, 1), share, other.Windows.Length);
                    }
                }

                i = next;
            }
        }

        foreach (var ((target, port), adds) in stallAdds)
        {
            var merged = result[target][port];
            merged.Stall = adds.Build(merged.Stall.Length);
            merged.CompulsoryStall = compulsoryAdds[(target, port)].Build(merged.CompulsoryStall.Length);
        }

        return result;
    }

    // x / d, without the division in the common case d = 1 (a 64-bit division costs tens of cycles, and this runs per step).
    private static long Divide(long x, long d) => d == 1 ? x : x / d;

    private readonly record struct Slot(int Target, int Port, PortCost Cost, StepRuns Windows, int Index);

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
                if (factor == 1)
                {
                    // every step i ≥ port: the first target's port 1 overwrites port 0 (tool quirk), later targets take the max
                    var value = StepRuns.Combine(c.Stall, c.CompulsoryStall, maxIterations, 0, (stall, compulsory) => stall + compulsory);
                    node.Stall = targetIndex == 0
                        ? StepRuns.Combine(node.Stall, value, maxIterations, port, (_, v) => v)
                        : StepRuns.Combine(node.Stall, value, maxIterations, port, Math.Max);
                    continue;
                }

                var stalls = c.Stall.ToArray();
                var compulsorySteps = c.CompulsoryStall.ToArray();
                var result = node.Stall.ToArray();

                // the steps i ≥ port with i % factor = 0, visited without dividing
                var first = (port + factor - 1) / factor;
                for (long at = first, i = first * factor; i < maxIterations; at++, i += factor)
                {
                    var value = stalls[at] + compulsorySteps[at];
                    result[i] = targetIndex == 0 ? value : Math.Max(result[i], value); // first target: port 1 overwrites port 0 (tool quirk)
                }

                node.Stall = StepRuns.Of(result);
            }

            targetIndex++;
        }

        return node;
    }

    /// <summary>Node cycles = window + ramp-up + ramp-down + Σ stalls, truncated to 32 bits as the tool returns it.</summary>
    public static long Total(PortCost node)
    {
        var stalls = node.Stall.Sum();
        return (uint)(node.ComputeTime + node.RampUp + node.RampDown + (uint)stalls);
    }
}
