using System.Globalization;

namespace Comet.Workloads.Generation;

/// <summary>GEMM-LayerNorm: C = A·B (A is M×K, B is K×N), then each row of C normalised over N in two passes (mean, then the mean of the squared deviations), scaled by GAMMA and shifted by BETA.</summary>
public sealed class GemmLayerNormTemplate : ICompoundTemplate, ISearchableTemplate
{
    /// <inheritdoc/>
    public string Name => "gemm-layernorm";

    /// <inheritdoc/>
    public string Description => "C = A·B then LayerNorm over N's rows: GEMM → ROWSUM → all-reduce(add) → MEAN, SUB, SQUARE, ROWSUM → all-reduce(add) → VAR, +EPS, SQRT, SUB, DIV, ×GAMMA, +BETA";

    /// <inheritdoc/>
    public IReadOnlyList<string> ShapeDimensions { get; } = ["M", "N", "K"];

    /// <inheritdoc/>
    public GeneratedCase Generate(GenerationRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var archText = Presets.ArchText(request.Preset);
        var roles = MachineRoles.Of(Presets.Arch(request.Preset), Presets.FileName(request.Preset));
        var (m, n, k) = (request.Shape["M"], request.Shape["N"], request.Shape["K"]);
        var clusters = request.ClusterSplit ?? new MeshSplit(roles.Cluster.MeshX, roles.Cluster.MeshY);
        var cores = request.CoreSplit ?? new MeshSplit(roles.Output.MeshX, roles.Output.MeshY);
        var perCore = TileFactorRule.PerCore("N", n, clusters, cores);
        var lanes = roles.Simd.Compute!.ComputeWidth;
        if (!request.Fused)
        {
            return GemmLayerNormUnfused.Generate(request, archText, roles, clusters, cores, perCore, lanes);
        }

        var problem = GemmLayerNormProblem.Fused(m, n, k);
        var mapping = MappingYamlWriter.Write(
            new GemmLayerNormTree(roles, clusters.Ways > 1).Build(),
            $"GEMM-LayerNorm on preset {request.Preset}: {m}x{n}x{k}, N split {clusters} over clusters and {cores} over cores (written by comet generate)");
        var names = new List<string>();
        List<KeyValuePair<string, string>> Constants(long rows, long dramSteps)
        {
            var simdN = TileFactorRule.LargestDivisorAtMost(perCore, lanes);
            var simdM = TileFactorRule.LargestDivisorAtMost(rows, lanes / simdN);
            (string, object)[] values =
            [
                ("M", m), ("N", n), ("K", k),
                ("M_DRAM_temporal", dramSteps), ("N_DRAM_spatial_X", clusters.X), ("N_DRAM_spatial_Y", clusters.Y),
                ("M_GB_temporal", m / (rows * dramSteps)), ("N_GB_spatial_X", cores.X), ("N_GB_spatial_Y", cores.Y),
                ("M_Core_temporal", 1), ("N_Core_temporal", 1), ("K_Core_temporal", 1),
                ("M_Compute", rows), ("N_Compute", perCore), ("K_Compute", k),
                ("M_SE", rows / simdM), ("N_SE", perCore / simdN), ("K_SE", 1),
                ("M_SM", simdM), ("N_SM", simdN), ("K_SM", k),
                ("red_dim_simd", "K"), ("red_dim_simd_val", k), ("red_dim", "M"), ("red_factor", rows),
            ];
            var table = values.Select(v => new KeyValuePair<string, string>(v.Item1, Convert.ToString(v.Item2, CultureInfo.InvariantCulture)!)).ToList();
            names = [.. table.Select(t => t.Key)];
            return GemmSoftmaxTemplate.Override(table, request.Overrides, names, "gemm-layernorm");
        }

        var (rowTile, steps) = TileFactorRule.Choose(
            m,
            (tile, s) => TileFactorRule.Misfit(archText, problem, mapping, Constants(tile, s)),
            (why, tried) => TileFactorRule.Untileable("K", k, $"with N={perCore} per core even one row per step does not fit ({why}; tried row tiles {tried})"));
        var constants = Constants(rowTile, steps);
        var files = new List<GeneratedFile>
        {
            new("arch.yaml", archText),
            new("problem.yaml", problem),
            new("mapping.yaml", mapping),
            new("const.yaml", ConstantsYamlWriter.Write($"GEMM-LayerNorm {m}x{n}x{k} on preset {request.Preset}: factors by the default rule of docs/generate.md", constants)),
            new("flags.txt", "--calc_noc_energy\n"),
        };
        return new GeneratedCase(files, constants);
    }

    /// <inheritdoc/>
    public Search.SearchSetup Searchable(GenerationRequest request, bool wide) => GemmLayerNormSearch.Setup(this, request, wide);
}
