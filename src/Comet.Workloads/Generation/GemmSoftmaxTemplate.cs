using System.Globalization;
using Comet.Hardware.Inputs;

namespace Comet.Workloads.Generation;

/// <summary>GEMM-Softmax: C = A·B (A is M×K, B is K×N), then a row-wise softmax over N decomposed as ROWMAX, SUB, EXP, ROWSUM, DIV.</summary>
public sealed class GemmSoftmaxTemplate : ICompoundTemplate, ISearchableTemplate
{
    /// <inheritdoc/>
    public string Name => "gemm-softmax";

    /// <inheritdoc/>
    public string Description => "C = A·B then softmax over N's rows: GEMM → ROWMAX → all-reduce(max) → SUB → EXP → ROWSUM → all-reduce(add) → DIV";

    /// <inheritdoc/>
    public IReadOnlyList<string> ShapeDimensions { get; } = ["M", "N", "K"];

    /// <summary>Places the add all-reduce where the authors' shipped mapping has it (on F before ROWSUM) instead of on the row sums.</summary>
    public bool AuthorsOrder { get; init; }

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
            return GemmSoftmaxUnfused.Generate(request, archText, roles, clusters, cores, perCore, lanes);
        }

        var tree = new GemmSoftmaxTree(roles, clusters.Ways > 1, AuthorsOrder);
        var problem = Problem(m, n, k);
        var mapping = MappingYamlWriter.Write(tree.Build(), $"GEMM-Softmax on preset {request.Preset}: {m}x{n}x{k}, N split {clusters} over clusters and {cores} over cores (written by comet generate)");
        var shape = new Shape(m, n, k, clusters, cores, perCore, lanes);

        var (rowTile, dramSteps) = TileFactorRule.Choose(
            m,
            (tile, steps) => TileFactorRule.Misfit(archText, problem, mapping, Constants(shape, tile, steps, request.Overrides)),
            (why, tried) => TileFactorRule.Untileable("K", k, $"with N={perCore} per core even one row per step does not fit ({why}; tried row tiles {tried})"));
        var constants = Constants(shape, rowTile, dramSteps, request.Overrides);
        var files = new List<GeneratedFile>
        {
            new("arch.yaml", archText),
            new("problem.yaml", problem),
            new("mapping.yaml", mapping),
            new("const.yaml", ConstantsYamlWriter.Write($"GEMM-Softmax {m}x{n}x{k} on preset {request.Preset}: factors by the default rule of docs/generate.md", constants)),
            new("flags.txt", "--calc_noc_energy\n"),
        };
        return new GeneratedCase(files, constants);
    }

    /// <inheritdoc/>
    public Search.SearchSetup Searchable(GenerationRequest request, bool wide) => GemmSoftmaxSearch.Setup(this, request, wide);

    /// <summary>The problem file: GEMM, ROWMAX, SUB, EXP1, ROWSUM, DIV over M, N, K.</summary>
    public static string Problem(long m, long n, long k)
    {
        string[] mn = ["M", "N"];
        string[] rowOnly = ["M"];
        ProblemOperationSpec[] ops =
        [
            new("GEMM", [new("A", ["M", "K"]), new("B", ["K", "N"]), new("C", mn, true)]),
            new("ROWMAX", [new("C", mn), new("D", rowOnly, true)]),
            new("SUB", [new("C", mn), new("D", rowOnly), new("E", mn, true)]),
            new("EXP1", [new("E", mn), new("F", mn, true)]),
            new("ROWSUM", [new("F", mn), new("G", rowOnly, true)]),
            new("DIV", [new("F", mn), new("G", rowOnly), new("H", mn, true)]),
        ];
        return ProblemYamlWriter.Write($"C = A*B ({m}x{k} times {k}x{n}), H = softmax over the rows of C (written by comet generate)", ["M", "N", "K"], ops, "H");
    }

    private static List<KeyValuePair<string, string>> Constants(Shape s, long rows, long dramSteps, IReadOnlyDictionary<string, string>? overrides)
    {
        var simdN = TileFactorRule.LargestDivisorAtMost(s.PerCoreN, s.Lanes);
        var simdM = TileFactorRule.LargestDivisorAtMost(rows, s.Lanes / simdN);
        var gbSteps = s.M / (rows * dramSteps);
        (string, object)[] values =
        [
            ("M", s.M), ("N", s.N), ("K", s.K),
            ("M_A_DRAM_temporal", dramSteps), ("M_H_DRAM_temporal", dramSteps),
            ("N_DRAM_spatial_X", s.Clusters.X), ("N_DRAM_spatial_Y", s.Clusters.Y),
            ("K_A_GB_temporal", 1), ("M_A_GB_temporal", gbSteps), ("M_D_GB_temporal", gbSteps), ("M_F_GB_temporal", gbSteps), ("M_H_GB_temporal", gbSteps), ("N_A_GB_temporal", 1),
            ("N_GB_spatial_X", s.Cores.X), ("N_GB_spatial_Y", s.Cores.Y),
            ("M_Core_temporal", 1), ("N_Core_temporal", 1), ("K_Core_temporal", 1),
            ("M_Compute", rows), ("N_Compute", s.PerCoreN), ("K_Compute", s.K),
            ("M_SE", rows / simdM), ("N_SE", s.PerCoreN / simdN), ("K_SE", 1),
            ("M_SM", simdM), ("N_SM", simdN), ("K_SM", s.K),
            ("red_dim_simd", "K"), ("red_dim_simd_val", s.K), ("red_dim", "M"), ("red_factor", rows),
        ];
        var table = values.Select(v => new KeyValuePair<string, string>(v.Item1, Convert.ToString(v.Item2, CultureInfo.InvariantCulture)!)).ToList();
        return Override(table, overrides, table.Select(p => p.Key).ToList());
    }

    /// <summary>The constants table with <paramref name="overrides"/> applied: unknown names are refused; derived constants follow their factor unless given.</summary>
    public static List<KeyValuePair<string, string>> Override(List<KeyValuePair<string, string>> table, IReadOnlyDictionary<string, string>? overrides, IReadOnlyList<string> names, string operation = "gemm-softmax")
    {
        ArgumentNullException.ThrowIfNull(names);
        if (overrides is null || overrides.Count == 0)
        {
            return table;
        }

        foreach (var name in overrides.Keys.Where(n => !names.Contains(n)).Order(StringComparer.Ordinal))
        {
            throw new InputException("--factor", string.Empty, $"unknown factor '{name}' ({operation}'s factors: {string.Join(", ", names.Where(n => n is not ("M" or "N" or "K")))})", hint: NameHints.DidYouMean(name, names));
        }

        var result = table.Select(p => overrides.TryGetValue(p.Key, out var v) ? new KeyValuePair<string, string>(p.Key, v) : p).ToList();
        // A derived constant follows the factor it mirrors unless it was given itself.
        string Value(string key) => result.First(p => p.Key == key).Value;
        return [.. result.Select(p => p.Key switch
        {
            "red_factor" when !overrides.ContainsKey(p.Key) => new KeyValuePair<string, string>(p.Key, Value("M_Compute")),
            "red_dim_simd_val" when !overrides.ContainsKey(p.Key) && result.Any(q => q.Key == "K_SM") => new KeyValuePair<string, string>(p.Key, Value("K_SM")),
            _ => p,
        })];
    }

    private sealed record Shape(long M, long N, long K, MeshSplit Clusters, MeshSplit Cores, long PerCoreN, long Lanes);
}
