using Comet.Workloads.Search;

namespace Comet.Workloads.Generation;

/// <summary>GEMM-Softmax's search space (docs/search.md): which factors are free, how a tiling sets the whole constant table, and the DRAM bytes it moves.</summary>
/// <remarks>
/// The texts come from the template's own <c>Generate</c> (default rule), so the searched case has exactly the generated
/// tree; only the constants change. Derived constants follow the tiling as the default rule sets them: the SIMD tiles fill
/// the lanes, <c>red_factor</c> is <c>M_Compute</c>, every copy of a factor the tree repeats takes the one value.
/// </remarks>
public static class GemmSoftmaxSearch
{
    private const string Softmax = "02-softmax";

    /// <summary>The search of <paramref name="request"/> (see <see cref="ISearchableTemplate.Searchable"/>).</summary>
    public static SearchSetup Setup(GemmSoftmaxTemplate template, GenerationRequest request, bool wide)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(request);
        var generated = template.Generate(request);
        var archText = Presets.ArchText(request.Preset);
        var roles = MachineRoles.Of(Presets.Arch(request.Preset), Presets.FileName(request.Preset));
        var shape = GemmRowOpSearch.Shape(request, roles);
        return request.Fused ? Fused(template, request, generated, archText, roles, shape, wide) : GemmRowOpSearch.Unfused(generated, archText, shape, wide, Softmax, UnfusedDramBytes(shape.M, shape.N, shape.K));
    }

    private static SearchSetup Fused(GemmSoftmaxTemplate template, GenerationRequest request, GeneratedCase generated, string archText, MachineRoles roles, SearchShape s, bool wide)
    {
        var problem = Text(generated, "problem.yaml");
        var mapping = wide
            ? MappingYamlWriter.Write(new GemmSoftmaxTree(roles, s.Clusters.Ways > 1, template.AuthorsOrder) { OrderConstants = true }.Build(), $"GEMM-Softmax on preset {request.Preset}: {s.M}x{s.N}x{s.K}, loop orders searched (written by comet search)")
            : Text(generated, "mapping.yaml");
        var perCore = s.N / (s.Clusters.Ways * s.Cores.Ways);
        DimensionSpace[] dims =
        [
            new("M", s.M, [new("M_A_DRAM_temporal"), new("M_A_GB_temporal"), new("M_Core_temporal"), new("M_Compute")]),
            wide
                ? new("N", s.N, [new("N_DRAM_spatial_X", s.ClusterMesh.X), new("N_DRAM_spatial_Y", s.ClusterMesh.Y), new("N_A_GB_temporal"), new("N_GB_spatial_X", s.CoreMesh.X), new("N_GB_spatial_Y", s.CoreMesh.Y), new("N_Core_temporal"), new("N_Compute")])
                : new("N", perCore, [new("N_Core_temporal"), new("N_Compute")]),
            wide
                ? new("K", s.K, [new("K_A_GB_temporal"), new("K_Core_temporal"), new("K_Compute")])
                : new("K", s.K, [new("K_Core_temporal"), new("K_Compute")]),
        ];
        LoopOrderSlot[] loops = wide
            ?
            [
                new(GemmSoftmaxTree.ClusterOrder, "KNM", new Dictionary<char, string> { ['M'] = "M_A_GB_temporal", ['N'] = "N_A_GB_temporal", ['K'] = "K_A_GB_temporal" }),
                new(GemmSoftmaxTree.CoreOrder, "MKN", new Dictionary<char, string> { ['M'] = "M_Core_temporal", ['N'] = "N_Core_temporal", ['K'] = "K_Core_temporal" }),
            ]
            : [];
        // The tree repeats the DRAM and cluster M factors per tensor: every copy takes the searched value.
        void Copies(Dictionary<string, string> table, Tiling t)
        {
            table["M_H_DRAM_temporal"] = Num(t.Factor("M_A_DRAM_temporal"));
            foreach (var copy in (string[])["M_D_GB_temporal", "M_F_GB_temporal", "M_H_GB_temporal"])
            {
                table[copy] = Num(t.Factor("M_A_GB_temporal"));
            }
        }

        return GemmRowOpSearch.Fused($"GEMM-Softmax {s.M}x{s.N}x{s.K}", archText, problem, mapping, roles, s, new TilingSpace(dims, loops), FusedDramBytes(s.M, s.N, s.K), generated.Factors, "K_A_GB_temporal", Copies);
    }

    /// <summary>Bytes between DRAM and the clusters of the fused case, whatever the tiling: A and B read once (B's tile does not vary with the DRAM loop's M, so the consecutive-reuse rule never fetches it again), H written once.</summary>
    public static long FusedDramBytes(long m, long n, long k) => (m * k) + (k * n) + (m * n); // MK + KN + MN

    /// <summary>Bytes between DRAM and the clusters of the unfused sequence: the fused case's plus C written by the GEMM and read back by the softmax.</summary>
    public static long UnfusedDramBytes(long m, long n, long k) => FusedDramBytes(m, n, k) + (2 * m * n); // fused + 2MN

    private static string Text(GeneratedCase generated, string path) => GemmRowOpSearch.Text(generated, path);

    private static string Num(long value) => GemmRowOpSearch.Num(value);
}
