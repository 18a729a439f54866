using System.Globalization;
using Comet.Workloads.Search;

namespace Comet.Workloads.Generation;

/// <summary>Self-attention's search space (docs/generate.md, "Self-attention"): the query tile and query blocks, the K/V block and K/V loop, and (wide) how heads and query rows spread over clusters and cores.</summary>
/// <remarks>
/// The texts come from the template's own <c>Generate</c> (default rule); only the constants change. The default space
/// keeps the rule's split of heads and rows; the wide one frees it, a tiling whose heads and row groups along a cluster
/// mesh side exceed that side being refused by the pre-check. No loop order is searched (the K/V loop must stay inside
/// the query blocks for the running statistics to be per block).
/// </remarks>
public static class AttentionSearch
{
    private static readonly string[] Gemms = ["01-qk", "03-pv"];
    private const string Softmax = "02-softmax";

    /// <summary>The search of <paramref name="request"/> (see <see cref="ISearchableTemplate.Searchable"/>).</summary>
    public static SearchSetup Setup(AttentionTemplate template, GenerationRequest request, bool wide)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(request);
        var generated = template.Generate(request);
        var archText = Presets.ArchText(request.Preset);
        var roles = MachineRoles.Of(Presets.Arch(request.Preset), Presets.FileName(request.Preset));
        var clusterMesh = new MeshSplit(roles.Cluster.MeshX, roles.Cluster.MeshY);
        var coreMesh = new MeshSplit(roles.Output.MeshX, roles.Output.MeshY);
        var (l, d) = (request.Shape["L"], request.Shape["D"]);
        var heads = request.Shape["H"] * (request.Shape.TryGetValue("B", out var b) ? b : 1);
        var split = AttentionSplit.Of(heads, l, request.ClusterSplit ?? clusterMesh, request.CoreSplit ?? coreMesh);
        var s = new Shape(l, heads, d, split, clusterMesh, coreMesh);

        // Q, K, V read once and Out written once (K and V are multicast to a head's row groups); unfused adds S and P,
        // each written by one step and read by the next.
        var dramBytes = (4 * heads * l * d) + (request.Fused ? 0 : 4 * heads * l * l);
        var steps = request.Fused
            ? [Step(generated, string.Empty, "problem.yaml", "mapping.yaml")]
            : new[] { "01-qk", Softmax, "03-pv" }.Select(f => Step(generated, f, $"{f}/problem.yaml", $"{f}/mapping.yaml")).ToArray();
        var dims = request.Fused ? FusedSpace(s, wide) : UnfusedSpace(s, f => long.Parse(generated.Factors.First(p => p.Key == $"{f}:M_DRAM_temporal").Value, CultureInfo.InvariantCulture));
        return new SearchSetup(
            archText,
            steps,
            new TilingSpace(dims, []),
            NocEnergy: true,
            _ => dramBytes,
            t => request.Fused
                ? [new("arch.yaml", archText), new("problem.yaml", steps[0].Problem), new("mapping.yaml", steps[0].Mapping),
                   new("const.yaml", ConstantsYamlWriter.Write($"self-attention: candidate {t.Index.ToString(CultureInfo.InvariantCulture)} of comet search", steps[0].Constants(t))),
                   new("flags.txt", "--calc_noc_energy\n")]
                : GemmSoftmaxUnfused.SequenceFiles(archText, [.. steps.Select(st => new UnfusedStep(st.Folder, st.Problem, st.Mapping, [.. st.Constants(t)]))]))
        {
            CapacityPreCheck = t => PreCheck(t, s, roles, request.Fused, wide),
        };
    }

    // Fused: a core's rows as query blocks × query tile, the keys as K/V blocks × block; wide: heads and rows over the meshes too.
    private static DimensionSpace[] FusedSpace(Shape s, bool wide) => wide
        ?
        [
            new("H", s.Heads, [new("H_DRAM_temporal"), new("H_DRAM_spatial_X", s.ClusterMesh.X), new("H_DRAM_spatial_Y", s.ClusterMesh.Y)]),
            new("M", s.L, [new("M_DRAM_spatial_X", s.ClusterMesh.X), new("M_DRAM_spatial_Y", s.ClusterMesh.Y), new("M_GB_spatial_X", s.CoreMesh.X), new("M_GB_spatial_Y", s.CoreMesh.Y), new("M_DRAM_temporal"), new("M_core")]),
            new("N", s.L, [new("N_GB_temporal"), new("N_block")]),
        ]
        :
        [
            new("M", s.Split.RowsPerCore, [new("M_DRAM_temporal"), new("M_core")]),
            new("N", s.L, [new("N_GB_temporal"), new("N_block")]),
        ];

    // Unfused: each step its own row tiles (and key blocks for the GEMMs) under the rule's split and within its query-row
    // block at DRAM, which stays the rule's (freeing it too would multiply the three steps' product space by ~100; wide
    // adds nothing here).
    private static DimensionSpace[] UnfusedSpace(Shape s, Func<string, long> rowBlocks)
    {
        var dims = new List<DimensionSpace>();
        foreach (var folder in Gemms)
        {
            dims.Add(new("M", s.Split.RowsPerCore / rowBlocks(folder), [new($"{folder}:M_GB_temporal"), new($"{folder}:M_core")]));
            dims.Add(new("N", s.L, [new($"{folder}:N_GB_temporal"), new($"{folder}:N_block")]));
        }

        dims.Insert(2, new("M", s.Split.RowsPerCore / rowBlocks(Softmax), [new($"{Softmax}:M_GB_temporal"), new($"{Softmax}:M_core")]));
        return [.. dims];
    }

    // The case's constants for a tiling: the generated table with the free factors set (unfused: the step's own, by prefix).
    private static SearchStep Step(GeneratedCase generated, string folder, string problemPath, string mappingPath)
    {
        var prefix = folder.Length == 0 ? string.Empty : folder + ":";
        var defaults = generated.Factors.Where(p => p.Key.StartsWith(prefix, StringComparison.Ordinal) && (prefix.Length > 0 || !p.Key.Contains(':', StringComparison.Ordinal)))
            .Select(p => new KeyValuePair<string, string>(p.Key[prefix.Length..], p.Value)).ToList();
        IReadOnlyList<KeyValuePair<string, string>> Constants(Tiling t)
        {
            var table = defaults.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
            foreach (var name in t.Space.FactorNames.Where(n => n.StartsWith(prefix, StringComparison.Ordinal) && (prefix.Length > 0 || !n.Contains(':', StringComparison.Ordinal))))
            {
                table[name[prefix.Length..]] = t.Factor(name).ToString(CultureInfo.InvariantCulture);
            }

            return [.. defaults.Select(p => new KeyValuePair<string, string>(p.Key, table[p.Key]))];
        }

        return new SearchStep(folder, Text(generated, problemPath), Text(generated, mappingPath), Constants);
    }

    // Terms of the capacity check's occupancy that alone rule a tiling out: a core's Q tile (M_core × D) and P tile
    // (M_core × N_block) in the input buffer, a K/V block (N_block × D) in the weight buffer (int8); wide: heads × row
    // groups along a cluster mesh side beyond that side.
    private static string? PreCheck(Tiling t, Shape s, MachineRoles roles, bool fused, bool wide)
    {
        if (fused && wide)
        {
            var (x, y) = (t.Factor("H_DRAM_spatial_X") * t.Factor("M_DRAM_spatial_X"), t.Factor("H_DRAM_spatial_Y") * t.Factor("M_DRAM_spatial_Y"));
            if (x > s.ClusterMesh.X || y > s.ClusterMesh.Y)
            {
                return $"heads and query-row groups need {x}x{y} clusters but the mesh is {s.ClusterMesh}";
            }
        }

        foreach (var (input, weight) in Tiles(t, fused, s.D))
        {
            if (input > roles.Input.CapacityBytes)
            {
                return $"a core's query tile needs {input} B in {roles.Input.Name} but it holds {roles.Input.CapacityBytes} B";
            }

            if (weight > roles.Weight.CapacityBytes)
            {
                return $"a K/V block needs {weight} B in {roles.Weight.Name} but it holds {roles.Weight.CapacityBytes} B";
            }
        }

        return null;
    }

    // Each GEMM core's input-buffer and weight-buffer tile in bytes: QK holds Q (rows × D), PV holds P (rows × block);
    // both hold a K or V block (block × D).
    private static IEnumerable<(long Input, long Weight)> Tiles(Tiling t, bool fused, long d)
    {
        var (qkRows, qkBlock) = fused ? (t.Factor("M_core"), t.Factor("N_block")) : (t.Factor("01-qk:M_core"), t.Factor("01-qk:N_block"));
        var (pvRows, pvBlock) = fused ? (qkRows, qkBlock) : (t.Factor("03-pv:M_core"), t.Factor("03-pv:N_block"));
        return [(qkRows * d, qkBlock * d), (pvRows * pvBlock, pvBlock * d)];
    }

    private static string Text(GeneratedCase generated, string path) => generated.Files.First(f => f.RelativePath == path).Text;

    private sealed record Shape(long L, long Heads, long D, AttentionSplit Split, MeshSplit ClusterMesh, MeshSplit CoreMesh);
}
