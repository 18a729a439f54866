using Comet.Hardware.Inputs;
using Comet.Hardware.Specs;

namespace Comet.Workloads.Generation;

/// <summary>The levels of a clustered accelerator in the roles the generator's templates give them: DRAM → cluster buffer → input, weight and output buffers → GEMM engine, and the SIMD engine beside the output buffer.</summary>
/// <param name="Dram">The root memory.</param>
/// <param name="Cluster">The cluster buffer the root connects to (one per cluster).</param>
/// <param name="Input">The buffer feeding the GEMM engine's streamed operand (A), the cluster's first fill.</param>
/// <param name="Weight">The buffer feeding the GEMM engine's stationary operand (B), the cluster's second fill.</param>
/// <param name="Output">The buffer the GEMM engine drains into and the SIMD engine works from.</param>
/// <param name="Gemm">The GEMM engine (systolic array or GEMM model).</param>
/// <param name="Simd">The vector SIMD engine.</param>
public sealed record MachineRoles(
    HierarchyLevelSpec Dram,
    HierarchyLevelSpec Cluster,
    HierarchyLevelSpec Input,
    HierarchyLevelSpec Weight,
    HierarchyLevelSpec Output,
    HierarchyLevelSpec Gemm,
    HierarchyLevelSpec Simd)
{
    /// <summary>Clusters on the machine (instances of the cluster buffer).</summary>
    public long Clusters => Cluster.Instances;

    /// <summary>Cores per cluster (instances of the output buffer).</summary>
    public long CoresPerCluster => Output.Instances;

    /// <summary>Finds the roles in <paramref name="arch"/>, which must have one root with one cluster level below it holding two fills and a drain.</summary>
    /// <exception cref="InputException">The architecture does not have that shape.</exception>
    public static MachineRoles Of(ArchitectureSpec arch, string archName)
    {
        ArgumentNullException.ThrowIfNull(arch);
        var roots = arch.Levels.Where(l => l.IsRoot).ToList();
        var dram = roots.Count == 1 ? roots[0] : throw Unfit(archName, $"has {roots.Count} root levels (expected one memory at the top)");
        var cluster = Single(arch, dram, l => !l.IsCompute, archName, "memory below the root");
        var memories = cluster.ChildIds.Select(id => arch.Levels[id]).Where(l => !l.IsCompute).OrderBy(l => l.Id).ToList();
        var output = memories.SingleOrDefault(m => m.ChildIds.Any(c => IsModel(arch, c, ComputeModel.Vsimd)))
            ?? throw Unfit(archName, $"has no buffer under {cluster.Name} connected to a SIMD engine");
        var fills = memories.Where(m => m.Id != output.Id).ToList();
        if (fills.Count != 2)
        {
            throw Unfit(archName, $"has {fills.Count} fill buffers under {cluster.Name} (expected two: input and weight)");
        }

        var gemm = Single(arch, fills[0], l => l.IsCompute, archName, "engine below the input buffer");
        var simd = Single(arch, output, l => l.IsCompute && l.Compute!.Model == ComputeModel.Vsimd, archName, "SIMD engine beside the output buffer");
        return new MachineRoles(dram, cluster, fills[0], fills[1], output, gemm, simd);
    }

    private static bool IsModel(ArchitectureSpec arch, int id, ComputeModel model) => arch.Levels[id] is { IsCompute: true, Compute: { } c } && c.Model == model;

    private static HierarchyLevelSpec Single(ArchitectureSpec arch, HierarchyLevelSpec parent, Func<HierarchyLevelSpec, bool> match, string archName, string what)
    {
        var found = parent.ChildIds.Select(id => arch.Levels[id]).Where(match).ToList();
        return found.Count == 1 ? found[0] : throw Unfit(archName, $"has {found.Count} levels matching '{what}' under {parent.Name} (expected one)");
    }

    private static InputException Unfit(string archName, string problem)
        => new(archName, "Hierarchy", $"{problem}; the generator's templates need DRAM → cluster buffer → input, weight and output buffers with a GEMM and a SIMD engine");
}
