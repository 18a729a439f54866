using Comet.Workloads.Inputs;

namespace Comet.Workloads.Analytical;

/// <summary>The child groups of a node with bindings and the window each gives its parent (reference-model §5.7).</summary>
internal static class ChildGrouping
{
    /// <summary>Groups children: runs joined by sequential bindings form one vector group; children after pipeline bindings are single groups.</summary>
    public static void Build(PortCostTables tables, DataMovementTileNode node, List<BindingKind> bindings, SortedDictionary<ChildGroup, long> windows)
    {
        var children = node.Children;
        var run = new List<MappingNode>();
        var visited = new HashSet<int>();
        for (var i = 0; i < children.Count; i++)
        {
            if (children[i] is not InterTileBindingNode || i % 2 != 0 || i / 2 >= bindings.Count)
            {
                continue;
            }

            if (bindings[i / 2] == BindingKind.Sequential)
            {
                foreach (var next in NextTwo(children, i))
                {
                    if (!run.Contains(next))
                    {
                        run.Add(next);
                    }

                    visited.Add(next.Index);
                }
            }
            else if (run.Count > 0)
            {
                windows[ChildGroup.OfVector(run)] = SumCosts(tables, run);
                run = new List<MappingNode>();
            }
        }

        if (run.Count > 0)
        {
            windows[ChildGroup.OfVector(run)] = SumCosts(tables, run);
        }

        for (var i = 0; i < children.Count; i++)
        {
            if (children[i] is InterTileBindingNode && i % 2 == 0 && i / 2 < bindings.Count && bindings[i / 2] == BindingKind.Pipeline)
            {
                foreach (var next in NextTwo(children, i))
                {
                    if (!visited.Contains(next.Index))
                    {
                        windows[ChildGroup.Of(next)] = tables.NodeCost(next.Index);
                    }

                    visited.Add(next.Index);
                }
            }
        }
    }

    /// <summary>The window of a sequential group: the members' costs summed as the tool's int accumulator does.</summary>
    private static long SumCosts(PortCostTables tables, List<MappingNode> run)
    {
        long total = 0;
        foreach (var n in run)
        {
            total += tables.NodeCost(n.Index);
        }

        return (uint)total;
    }

    private static List<MappingNode> NextTwo(IReadOnlyList<MappingNode> children, int from)
    {
        var result = new List<MappingNode>();
        for (var i = from; i < children.Count && result.Count < 2; i++)
        {
            if (children[i] is DataMovementTileNode or CollectiveOperationNode)
            {
                result.Add(children[i]);
            }
        }

        return result;
    }
}
