using Comet.Workloads.Search;

namespace Comet.Workloads.Generation;

/// <summary>GEMM-LayerNorm's search space (docs/search.md), built as GEMM-Softmax's is: which factors are free, how a tiling sets the whole constant table, and the DRAM bytes it moves (the same for every tiling: each input is fetched once).</summary>
/// <remarks>
/// The texts come from the template's own <c>Generate</c> (default rule), so the searched case has exactly the generated
/// tree; only the constants change. The wide fused space writes the tree with <see cref="GemmLayerNormTree.Wide"/>,
/// whose cluster loop also steps over N and K. Derived constants follow the tiling as the default rule sets them: the
/// SIMD tiles fill the lanes and <c>red_factor</c> is <c>M_Compute</c>.
/// </remarks>
public static class GemmLayerNormSearch
{
    private const string LayerNorm = "02-layernorm";

    /// <summary>The cluster-loop steps over N and K that only the wide fused tree has, and the constant each follows in the table (written after it).</summary>
    private static readonly (string Name, string After)[] WideClusterSteps = [("N_GB_temporal", "M_GB_temporal"), ("K_GB_temporal", "N_GB_temporal")];

    /// <summary>The search of <paramref name="request"/> (see <see cref="ISearchableTemplate.Searchable"/>).</summary>
    public static SearchSetup Setup(GemmLayerNormTemplate template, GenerationRequest request, bool wide)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(request);
        var generated = template.Generate(request);
        var archText = Presets.ArchText(request.Preset);
        var roles = MachineRoles.Of(Presets.Arch(request.Preset), Presets.FileName(request.Preset));
        var shape = GemmRowOpSearch.Shape(request, roles);
        return request.Fused ? Fused(request, generated, archText, roles, shape, wide) : GemmRowOpSearch.Unfused(generated, archText, shape, wide, LayerNorm, UnfusedDramBytes(shape.M, shape.N, shape.K));
    }

    /// <summary>Bytes between DRAM and the clusters of the fused case, whatever the tiling: A, B, EPS, GAMMA and BETA read once (a tile that does not vary with the DRAM loop's M is not fetched again; A and EPS multicast to the clusters), O (16 bit) written once.</summary>
    public static long FusedDramBytes(long m, long n, long k) => (m * k) + (k * n) + Parameters(n) + (2 * m * n); // MK + KN + (2 + 4N) + 2MN

    /// <summary>Bytes between DRAM and the clusters of the unfused sequence, whatever the tiling: the fused case's plus C (8 bit) written by the GEMM and read back by the LayerNorm.</summary>
    public static long UnfusedDramBytes(long m, long n, long k) => FusedDramBytes(m, n, k) + (2 * m * n); // fused + 2MN

    // EPS (one 16-bit element) + GAMMA and BETA (N 16-bit elements each) = 2 + 4N bytes.
    private static long Parameters(long n) => 2 + (4 * n);

    private static SearchSetup Fused(GenerationRequest request, GeneratedCase generated, string archText, MachineRoles roles, SearchShape s, bool wide)
    {
        var problem = Text(generated, "problem.yaml");
        var mapping = wide
            ? MappingYamlWriter.Write(new GemmLayerNormTree(roles, s.Clusters.Ways > 1) { Wide = true }.Build(), $"GEMM-LayerNorm on preset {request.Preset}: {s.M}x{s.N}x{s.K}, N and K stepped by the cluster loop, loop orders searched (written by comet search)")
            : Text(generated, "mapping.yaml");
        var perCore = s.N / (s.Clusters.Ways * s.Cores.Ways);
        DimensionSpace[] dims =
        [
            new("M", s.M, [new("M_DRAM_temporal"), new("M_GB_temporal"), new("M_Core_temporal"), new("M_Compute")]),
            wide
                ? new("N", s.N, [new("N_DRAM_spatial_X", s.ClusterMesh.X), new("N_DRAM_spatial_Y", s.ClusterMesh.Y), new("N_GB_temporal"), new("N_GB_spatial_X", s.CoreMesh.X), new("N_GB_spatial_Y", s.CoreMesh.Y), new("N_Core_temporal"), new("N_Compute")])
                : new("N", perCore, [new("N_Core_temporal"), new("N_Compute")]),
            wide
                ? new("K", s.K, [new("K_GB_temporal"), new("K_Core_temporal"), new("K_Compute")])
                : new("K", s.K, [new("K_Core_temporal"), new("K_Compute")]),
        ];
        LoopOrderSlot[] loops = wide
            ?
            [
                new(GemmSoftmaxTree.ClusterOrder, "KNM", new Dictionary<char, string> { ['M'] = "M_GB_temporal", ['N'] = "N_GB_temporal", ['K'] = "K_GB_temporal" }),
                new(GemmSoftmaxTree.CoreOrder, "MKN", new Dictionary<char, string> { ['M'] = "M_Core_temporal", ['N'] = "N_Core_temporal", ['K'] = "K_Core_temporal" }),
            ]
            : [];
        var defaults = generated.Factors.ToList();
        if (wide)
        {
            foreach (var (name, after) in WideClusterSteps)
            {
                defaults.Insert(defaults.FindIndex(p => p.Key == after) + 1, new(name, "1"));
            }
        }

        return GemmRowOpSearch.Fused($"GEMM-LayerNorm {s.M}x{s.N}x{s.K}", archText, problem, mapping, roles, s, new TilingSpace(dims, loops), FusedDramBytes(s.M, s.N, s.K), defaults, "K_GB_temporal");
    }

    private static string Text(GeneratedCase generated, string path) => GemmRowOpSearch.Text(generated, path);
}
