using Comet.Hardware.Inputs;
using Comet.Hardware.Specs;

namespace Comet.Workloads.Execution;

/// <summary>Sizes the simulator can instantiate: one component per level instance must fit in memory and in 32-bit indices.</summary>
public static class SimulationLimits
{
    /// <summary>The most instances of one level, across the whole machine, that the simulator builds.</summary>
    public const long MaxInstancesPerLevel = 1 << 20;

    /// <summary>Throws an <see cref="InputException"/> naming the level when the machine is too large to simulate.</summary>
    public static void Check(ArchitectureSpec architecture)
    {
        foreach (var level in architecture.Levels)
        {
            var total = InstancesInMachine(architecture, level);
            if (level.Instances <= 0 || total > MaxInstancesPerLevel)
            {
                throw new InputException(
                    "arch.yaml",
                    $"Hierarchy.{level.Name}.attributes.meshX*meshY",
                    $"{level.MeshX}x{level.MeshY} instances of {level.Name} ({total:0} in the whole machine) are more than the simulator builds ({MaxInstancesPerLevel})",
                    level.Line,
                    1,
                    "the analytical model (comet analyze) still evaluates it");
            }

            foreach (var (childId, network) in level.ChildNetworks)
            {
                CheckMesh(network, $"Hierarchy.{architecture.Levels[childId].Name}.attributes.meshX*meshY", architecture.Levels[childId].Line);
            }

            if (level.LinkNetwork is { } link)
            {
                CheckMesh(link, $"Hierarchy.{level.Name}.attributes.meshX*meshY", level.Line);
            }
        }
    }

    private static void CheckMesh(NetworkSpec network, string keyPath, long line)
    {
        if (network.MeshX <= 0 || network.MeshY <= 0 || (double)network.MeshX * network.MeshY > MaxInstancesPerLevel)
        {
            throw new InputException("arch.yaml", keyPath, $"a {network.MeshX}x{network.MeshY} network mesh is larger than the simulator builds ({MaxInstancesPerLevel} routers)", line, 1, "the analytical model (comet analyze) still evaluates it");
        }
    }

    // Π instances along the widest parent chain, in floating point so absurd meshes cannot wrap around.
    private static double InstancesInMachine(ArchitectureSpec architecture, HierarchyLevelSpec level)
    {
        double total = level.Instances;
        var seen = new HashSet<int> { level.Id };
        while (!level.IsRoot && level.ParentIds.Count > 0)
        {
            var parent = level.ParentIds.Select(id => architecture.Levels[id]).MaxBy(p => p.Instances)!;
            if (!seen.Add(parent.Id))
            {
                break;
            }

            total *= parent.Instances;
            level = parent;
        }

        return total;
    }
}
