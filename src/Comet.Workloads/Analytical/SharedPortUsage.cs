using Comet.Workloads.Inputs;

namespace Comet.Workloads.Analytical;

/// <summary>For memories whose parent and child ports are shared: what the children already spend on each port.</summary>
internal static class SharedPortUsage
{
    /// <summary>Cycles each child memory's opposite port spends on its own children (for shared parent/child ports).</summary>
    public static Dictionary<int, Dictionary<int, long>> Of(PortCostTables tables, ChildGroup group)
    {
        var usage = new Dictionary<int, Dictionary<int, long>>();
        void Add(SortedDictionary<int, PortCost[]> levels)
        {
            foreach (var (level, pair) in levels)
            {
                if (!usage.TryGetValue(level, out var ports))
                {
                    ports = new Dictionary<int, long>();
                    usage[level] = ports;
                }

                for (var p = 0; p < 2; p++)
                {
                    ports.TryGetValue(1 - p, out var v);
                    ports[1 - p] = v + pair[p].Cumulative + (p == 0 ? pair[p].RampUp : pair[p].RampDown);
                }
            }
        }

        void AddNode(MappingNode n)
        {
            if (tables.LevelCosts(n.Index) is not { } groups)
            {
                return;
            }

            if (n is CollectiveOperationNode)
            {
                if (groups.TryGetValue(ChildGroup.Of(n), out var own))
                {
                    Add(own);
                }

                return;
            }

            foreach (var (_, levels) in groups)
            {
                Add(levels);
            }
        }

        if (group.IsVector)
        {
            foreach (var member in group.Members)
            {
                AddNode(member);
            }

            return usage;
        }

        var child = group.Single!;
        if (child is CollectiveOperationNode || child is DataMovementTileNode { IsLeaf: true })
        {
            AddNode(child);
            return usage;
        }

        foreach (var grandChild in child.Children)
        {
            if (grandChild is DataMovementTileNode or CollectiveOperationNode)
            {
                AddNode(grandChild);
            }
        }

        return usage;
    }
}
