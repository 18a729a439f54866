using Comet.Workloads.Inputs;
using Comet.Workloads.Loop;

namespace Comet.Workloads.Analytical;

/// <summary>Cost of a node whose child groups are software-pipelined (reference-model §5.8): the longest group plus the pipeline fill/drain slots, plus memory conflicts.</summary>
internal static class BindingCost
{
    /// <summary>T = C* + Σ over slots outside the longest group's span of the max per-slot time of the other groups; plus Σ_depth max(0, memory_depth − T).</summary>
    public static long WithBindings(PortCostTables tables, LoopNestAnalysis loops, DataMovementTileNode node, LoopNestNode loop)
    {
        var m = loop.MaxIterations;
        var temporal = !node.IsSpatial;
        var slots = new List<(ChildGroup Group, long Total, PortCost? Cost, bool Collective)>();
        if (temporal)
        {
            foreach (var child in node.Children)
            {
                if (child is CollectiveOperationNode col)
                {
                    var total = tables.GroupTotals(node.Index) is { } own && own.TryGetValue(ChildGroup.Of(col), out var t) ? t : 0;
                    slots.Add((ChildGroup.Of(col), total, null, true));
                }
                else if (child is DataMovementTileNode dm && tables.GroupTotals(dm.Index) is { } groups)
                {
                    foreach (var (group, total) in groups)
                    {
                        slots.Add((group, total, tables.GroupCost(dm.Index, group), false));
                    }
                }
            }
        }
        else if (tables.GroupTotals(node.Index) is { } groups)
        {
            foreach (var (group, total) in groups)
            {
                slots.Add((group, total, tables.GroupCost(node.Index, group), false));
            }
        }

        var groupCount = temporal
            ? node.Children.Sum(c => c switch
            {
                CollectiveOperationNode => 1,
                DataMovementTileNode dm => tables.GroupCount(dm.Index),
                _ => 0,
            })
            : tables.GroupCount(node.Index);
        var totalSlots = m + groupCount - 1;
        long maxValue = 0;
        var maxIndex = 0;
        for (var i = 0; i < slots.Count; i++)
        {
            if (slots[i].Total > maxValue)
            {
                maxValue = slots[i].Total;
                maxIndex = i;
            }
        }

        var leftovers = new List<long>();
        for (long i = 0; i < maxIndex; i++)
        {
            leftovers.Add(i);
        }

        for (var i = maxIndex + m; i < totalSlots; i++)
        {
            leftovers.Add(i);
        }

        long leftover = 0;
        foreach (var slot in leftovers)
        {
            long best = 0;
            for (var k = 0; k < slots.Count; k++)
            {
                if (k == maxIndex && maxValue > 0)
                {
                    continue;
                }

                var start = k;
                if (slot < start || slot > start + m - 1)
                {
                    continue;
                }

                var at = slot - start;
                long value;
                if (slots[k].Collective)
                {
                    value = slots[k].Total / m;
                }
                else
                {
                    var c = slots[k].Cost!;
                    var stall = at < c.Stall.Length ? c.Stall.At(at) : 0;
                    value = at == 0 ? c.RampUp + c.ComputeTime / m + stall
                        : at == m - 1 ? c.RampDown + c.ComputeTime / m + stall
                        : c.ComputeTime / m + stall;
                }

                best = Math.Max(best, (uint)value);
            }

            leftover += best;
        }

        var withoutConflict = (uint)(maxValue + leftover);
        var conflict = ConflictTime(tables, loops, node, withoutConflict);
        return (uint)(withoutConflict + conflict);
    }

    /// <summary>Breadth-first over the subtree: per depth, per level and port, the summed memory time of all groups; where several groups use one port, the excess over the conflict-free time.</summary>
    private static long ConflictTime(PortCostTables tables, LoopNestAnalysis loops, DataMovementTileNode root, long withoutConflict)
    {
        var levelTime = new SortedDictionary<long, SortedDictionary<int, long[]>>();
        var updates = new SortedDictionary<long, SortedDictionary<int, long[]>>();
        var iterations = new Dictionary<long, long>();
        var queue = new Queue<(DataMovementTileNode Node, long Depth)>();
        queue.Enqueue((root, 0));
        while (queue.Count > 0)
        {
            var (current, depth) = queue.Dequeue();
            iterations[depth] = loops.Tiles[current.Index]!.MaxIterations;
            if (tables.LevelCosts(current.Index) is { } groups)
            {
                foreach (var (_, levels) in groups)
                {
                    foreach (var (level, pair) in levels)
                    {
                        if (!levelTime.TryGetValue(depth, out var byLevel))
                        {
                            byLevel = new SortedDictionary<int, long[]>();
                            levelTime[depth] = byLevel;
                            updates[depth] = new SortedDictionary<int, long[]>();
                        }

                        if (!byLevel.TryGetValue(level, out var times))
                        {
                            times = new long[2];
                            byLevel[level] = times;
                            updates[depth][level] = new long[2];
                        }

                        for (var p = 0; p < 2; p++)
                        {
                            var time = pair[p].Cumulative + (p == 0 ? pair[p].RampUp : pair[p].RampDown);
                            times[p] = (uint)(times[p] + time);
                            if (time > 0)
                            {
                                updates[depth][level][p]++;
                            }
                        }
                    }
                }
            }

            foreach (var child in current.Children)
            {
                if (child is DataMovementTileNode dm)
                {
                    queue.Enqueue((dm, loops.Tiles[dm.Index]!.SameTargetAsParent ? depth : depth + 1));
                }
            }
        }

        var memoryTime = new SortedDictionary<long, long>();
        foreach (var (depth, byLevel) in levelTime)
        {
            foreach (var (level, times) in byLevel)
            {
                for (var p = 0; p < 2; p++)
                {
                    if (updates[depth][level][p] <= 1)
                    {
                        continue;
                    }

                    var scaled = times[p];
                    for (var d = depth; d > 0; d--)
                    {
                        scaled = (uint)(scaled * (iterations.TryGetValue(d - 1, out var it) ? it : 1));
                    }

                    memoryTime[depth] = memoryTime.TryGetValue(depth, out var existing) ? Math.Max(existing, scaled) : scaled;
                }
            }
        }

        long conflict = 0;
        foreach (var (_, time) in memoryTime)
        {
            var diff = (int)(time - withoutConflict);
            if (diff > 0)
            {
                conflict += diff;
            }
        }

        return conflict;
    }
}
