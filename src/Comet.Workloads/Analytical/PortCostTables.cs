using static Comet.Workloads.Analytical.DictionaryGetOrAdd;

namespace Comet.Workloads.Analytical;

/// <summary>
/// The walk's per-node tables while it runs (post-order): node cycles, entry costs by (target, child), merged costs per target
/// level, combined cost and total per child group. Written only by <see cref="CostWalker"/>; <see cref="BindingCost"/> reads
/// the children's rows; <see cref="Freeze"/> hands the read-only result on.
/// </summary>
internal sealed class PortCostTables(int nodeCount)
{
    private readonly long[] nodeCost = new long[nodeCount];
    private readonly Dictionary<int, SortedDictionary<ChildGroup, SortedDictionary<int, PortCost[]>>> levelCost = new(nodeCount);
    private readonly Dictionary<int, SortedDictionary<ChildGroup, SortedDictionary<(int Target, int Child), List<PortCost[]>>>> pairCost = new(nodeCount);
    private readonly Dictionary<int, SortedDictionary<ChildGroup, PortCost>> groupCost = new(nodeCount);
    private readonly Dictionary<int, SortedDictionary<ChildGroup, long>> groupTotal = new(nodeCount);

    /// <summary>Cycles of node <paramref name="node"/> (0 until the walk has costed it).</summary>
    public long NodeCost(int node) => nodeCost[node];

    /// <summary>Sets the cycles of node <paramref name="node"/>.</summary>
    public void SetNodeCost(int node, long cycles) => nodeCost[node] = cycles;

    /// <summary>Entry costs of one child group of a node, by (target, child) level (created empty on first use).</summary>
    public SortedDictionary<(int Target, int Child), List<PortCost[]>> Pairs(int node, ChildGroup group) => GetOrAdd(GetOrAdd(pairCost, node), group);

    /// <summary>Sets the merged costs per target level of one child group.</summary>
    public void SetLevelCost(int node, ChildGroup group, SortedDictionary<int, PortCost[]> perTarget) => GetOrAdd(levelCost, node)[group] = perTarget;

    /// <summary>Sets the merged cost of one target level of one child group.</summary>
    public void SetLevelCost(int node, ChildGroup group, int level, PortCost[] pair) => GetOrAdd(GetOrAdd(levelCost, node), group)[level] = pair;

    /// <summary>The merged cost of one target level of one child group, or null.</summary>
    public PortCost[]? LevelCost(int node, ChildGroup group, int level)
        => levelCost.TryGetValue(node, out var byGroup) && byGroup.TryGetValue(group, out var levels) && levels.TryGetValue(level, out var pair) ? pair : null;

    /// <summary>The merged costs per child group of a node, or null when it has none.</summary>
    public IReadOnlyDictionary<ChildGroup, SortedDictionary<int, PortCost[]>>? LevelCosts(int node) => levelCost.GetValueOrDefault(node);

    /// <summary>Child groups of a node that have merged costs.</summary>
    public int GroupCount(int node) => levelCost.TryGetValue(node, out var groups) ? groups.Count : 0;

    /// <summary>Sets the combined cost vector of one child group.</summary>
    public void SetGroupCost(int node, ChildGroup group, PortCost combined) => GetOrAdd(groupCost, node)[group] = combined;

    /// <summary>The combined cost vector of one child group.</summary>
    public PortCost GroupCost(int node, ChildGroup group) => groupCost[node][group];

    /// <summary>Sets the total cycles of one child group.</summary>
    public void SetGroupTotal(int node, ChildGroup group, long total) => GetOrAdd(groupTotal, node)[group] = total;

    /// <summary>Total cycles per child group of a node (group order), or null when it has none.</summary>
    public IReadOnlyDictionary<ChildGroup, long>? GroupTotals(int node) => groupTotal.GetValueOrDefault(node);

    /// <summary>The read-only result: node cycles and the merged costs per node, group and target level, in the walk's order.</summary>
    public (IReadOnlyList<long> NodeCycles, IReadOnlyDictionary<int, IReadOnlyDictionary<ChildGroup, IReadOnlyDictionary<int, PortCost[]>>> LevelCost) Freeze()
    {
        var frozen = new Dictionary<int, IReadOnlyDictionary<ChildGroup, IReadOnlyDictionary<int, PortCost[]>>>(levelCost.Count);
        foreach (var (node, groups) in levelCost)
        {
            var byGroup = new SortedDictionary<ChildGroup, IReadOnlyDictionary<int, PortCost[]>>();
            foreach (var (group, levels) in groups)
            {
                byGroup[group] = levels;
            }

            frozen[node] = byGroup;
        }

        return (Array.AsReadOnly((long[])nodeCost.Clone()), frozen);
    }
}
