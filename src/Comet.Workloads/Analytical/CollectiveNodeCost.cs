using Comet.Hardware.Specs;
using Comet.Workloads.Inputs;
using Comet.Workloads.Loop;

namespace Comet.Workloads.Analytical;

/// <summary>Collective nodes in the walk: their own cost, their repetition under a temporal parent, and a sequential temporal parent's sum.</summary>
internal static class CollectiveNodeCost
{
    /// <summary>Costs a collective node: its cycles on both ports of its target level, kept in <paramref name="tables"/>; returns its cost for the energy pass.</summary>
    public static CollectiveResult Visit(ArchitectureSpec arch, PortCostTables tables, CollectiveTransfer transfer, bool nocEnergy)
    {
        var col = transfer.Node;
        var result = CollectiveCost.Evaluate(arch, transfer, nocEnergy);
        var cycles = result.Cycles;
        var pair = PortCost.EmptyPair();
        foreach (var p in pair)
        {
            p.Cumulative = cycles;
            p.CumulativeStall = cycles;
            p.ReuseFactor = 1;
        }

        var self = ChildGroup.Of(col);
        tables.Pairs(col.Index, self)[(col.TargetLevelId, col.ChildLevelId)] = [pair];
        tables.SetLevelCost(col.Index, self, col.TargetLevelId, pair);
        tables.SetNodeCost(col.Index, cycles);
        return result;
    }

    /// <summary>Collective children of a temporal node: their cost repeats every iteration, on both ports.</summary>
    public static void AddToTemporalParent(PortCostTables tables, DataMovementTileNode node, LoopNestNode loop, SortedDictionary<ChildGroup, long> windows)
    {
        foreach (var (group, _) in windows)
        {
            foreach (var member in group.Members)
            {
                if (member is not CollectiveOperationNode col)
                {
                    continue;
                }

                var iterations = loop.MaxIterations;
                var cost = new PortCost(iterations);
                var cycles = tables.NodeCost(col.Index);
                cost.Window = StepRuns.Constant(cycles, iterations);
                cost.ComputeTime = iterations * cycles;
                cost.Cumulative = iterations * cycles;
                PortCost[] pair = [cost, cost];
                var self = ChildGroup.Of(col);
                var pairs = tables.Pairs(node.Index, self);
                if (!pairs.TryGetValue((col.TargetLevelId, col.ChildLevelId), out var list))
                {
                    list = [];
                    pairs[(col.TargetLevelId, col.ChildLevelId)] = list;
                }

                list.Add(pair);
                tables.SetLevelCost(node.Index, self, col.TargetLevelId, pair);
                if (!group.IsVector)
                {
                    tables.SetGroupTotal(node.Index, self, cost.ComputeTime);
                }
            }
        }
    }

    /// <summary>A temporal node with sequential bindings costs the sum of its children (a collective counts once per iteration).</summary>
    public static long SequentialTemporalCost(PortCostTables tables, DataMovementTileNode node)
    {
        long total = 0;
        foreach (var child in node.Children)
        {
            switch (child)
            {
                case CollectiveOperationNode col:
                    if (tables.LevelCost(node.Index, ChildGroup.Of(col), col.TargetLevelId) is { } pair)
                    {
                        total += pair[0].ComputeTime;
                    }

                    break;
                case DataMovementTileNode:
                    total += tables.NodeCost(child.Index);
                    break;
            }
        }

        return (uint)total;
    }
}
