using Comet.Hardware.Inputs;

namespace Comet.Hardware.Specs;

/// <summary>A parsed arch.yaml: compute and memory types and the level hierarchy.</summary>
/// <param name="ComputeTypes">Compute types in file order.</param>
/// <param name="MemoryTypes">Memory types in file order.</param>
/// <param name="Levels">Levels indexed by <see cref="HierarchyLevelSpec.Id"/>.</param>
public sealed record ArchitectureSpec(
    IReadOnlyList<ComputeTypeSpec> ComputeTypes,
    IReadOnlyList<MemoryTypeSpec> MemoryTypes,
    IReadOnlyList<HierarchyLevelSpec> Levels)
{
    /// <summary>What the loader found suspicious but accepted (instance ranges, link rates), in file order.</summary>
    public IReadOnlyList<InputWarning> Warnings { get; init; } = [];

    /// <summary>Finds a level by name, or null.</summary>
    public HierarchyLevelSpec? FindLevel(string name)
    {
        foreach (var level in Levels)
        {
            if (level.Name == name)
            {
                return level;
            }
        }

        return null;
    }

    /// <summary>The network used to move data from <paramref name="targetId"/> to <paramref name="childId"/> (the link network when they are the same level), or null.</summary>
    public NetworkSpec? NetworkBetween(int targetId, int childId)
    {
        var target = Levels[targetId];
        if (targetId == childId)
        {
            return target.LinkNetwork;
        }

        return target.ChildNetworks.TryGetValue(childId, out var net) ? net : null;
    }

    /// <summary>Total instances of a level across the machine: its own count times, at each step up, the parent with the most instances.</summary>
    public long TotalNodes(int levelId)
    {
        var level = Levels[levelId];
        var nodes = level.Instances;
        while (!level.IsRoot && level.ParentIds.Count > 0)
        {
            HierarchyLevelSpec? best = null;
            foreach (var parentId in level.ParentIds)
            {
                var parent = Levels[parentId];
                if (best is null || parent.Instances > best.Instances)
                {
                    best = parent;
                }
            }

            nodes *= best!.Instances;
            level = best;
        }

        return nodes;
    }
}
