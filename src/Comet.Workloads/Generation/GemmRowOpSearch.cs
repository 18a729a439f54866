using System.Globalization;
using Comet.Workloads.Search;

namespace Comet.Workloads.Generation;

/// <summary>What the searches of a GEMM followed by a row operation (GEMM-Softmax, GEMM-LayerNorm) share: the shape, the fused case's setup, the unfused sequence's space, the SIMD constants, the core-tile capacity pre-check.</summary>
public static class GemmRowOpSearch
{
    /// <summary>The GEMM step's folder in an unfused sequence.</summary>
    public const string Gemm = "01-gemm";

    /// <summary>The sizes, meshes, splits and SIMD lanes of a search of <paramref name="request"/> on its preset.</summary>
    public static SearchShape Shape(GenerationRequest request, MachineRoles roles)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(roles);
        var clusterMesh = new MeshSplit(roles.Cluster.MeshX, roles.Cluster.MeshY);
        var coreMesh = new MeshSplit(roles.Output.MeshX, roles.Output.MeshY);
        return new SearchShape(request.Shape["M"], request.Shape["N"], request.Shape["K"], clusterMesh, coreMesh, request.ClusterSplit ?? clusterMesh, request.CoreSplit ?? coreMesh, roles.Simd.Compute!.ComputeWidth);
    }

    /// <summary>Sets the SIMD tiles so they fill the lanes, and <c>red_factor</c> to <c>M_Compute</c>, as the default rule does; <paramref name="kGb"/> names the cluster loop's K factor (absent: 1).</summary>
    public static void SimdConstants(Dictionary<string, string> table, Tiling t, SearchShape s, string kGb)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(t);
        ArgumentNullException.ThrowIfNull(s);
        var rows = t.Factor("M_Core_temporal") * t.Factor("M_Compute");
        var coreN = t.Factor("N_Core_temporal") * t.Factor("N_Compute");
        var simdN = TileFactorRule.LargestDivisorAtMost(coreN, s.Lanes);
        var simdM = TileFactorRule.LargestDivisorAtMost(rows, s.Lanes / simdN);
        var simdK = s.K / t.FactorOr(kGb, 1);
        (string, long)[] simd = [("M_SE", rows / simdM), ("N_SE", coreN / simdN), ("M_SM", simdM), ("N_SM", simdN), ("K_SM", simdK), ("red_dim_simd_val", simdK), ("red_factor", t.Factor("M_Compute"))];
        foreach (var (name, value) in simd)
        {
            table[name] = Num(value);
        }
    }

    /// <summary>The fused case's capacity pre-check: why the core tiles of A or B cannot fit their buffer, or null.</summary>
    public static Func<Tiling, string?> PreCheck(MachineRoles roles)
    {
        ArgumentNullException.ThrowIfNull(roles);
        var (inputBuffer, weightBuffer) = (roles.Input, roles.Weight);
        string? Check(Tiling t)
        {
            // The core loop stages A (rows x K per step, int8) in the input buffer and B (K x N per core) in the weight
            // buffer; each is one term of that buffer's occupancy in MappingValidator, so alone too big means no fit.
            var coreK = t.Factor("K_Core_temporal") * t.Factor("K_Compute");
            var a = t.Factor("M_Core_temporal") * t.Factor("M_Compute") * coreK;
            var b = coreK * t.Factor("N_Core_temporal") * t.Factor("N_Compute");
            return a > inputBuffer.CapacityBytes ? $"A's core tile needs {a} B in {inputBuffer.Name} but it holds {inputBuffer.CapacityBytes} B"
                : b > weightBuffer.CapacityBytes ? $"B's core tile needs {b} B in {weightBuffer.Name} but it holds {weightBuffer.CapacityBytes} B"
                : null;
        }

        return Check;
    }

    /// <summary>The fused case's search: one step whose constants are the generated table with the tiling's factors set, <paramref name="copies"/> filling the factors the tree repeats, the SIMD tiles following (<paramref name="kGb"/>: the cluster loop's K factor), listed in the generated order with the searched loop orders after; <paramref name="title"/> heads each candidate's const.yaml.</summary>
    public static SearchSetup Fused(string title, string archText, string problem, string mapping, MachineRoles roles, SearchShape s, TilingSpace space, long dramBytes, IReadOnlyList<KeyValuePair<string, string>> defaults, string kGb, Action<Dictionary<string, string>, Tiling>? copies = null)
    {
        ArgumentNullException.ThrowIfNull(defaults);
        IReadOnlyList<KeyValuePair<string, string>> Constants(Tiling t)
        {
            var table = defaults.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
            foreach (var name in t.Space.FactorNames)
            {
                table[name] = Num(t.Factor(name));
            }

            copies?.Invoke(table, t);
            SimdConstants(table, t, s, kGb);
            var ordered = defaults.Select(p => new KeyValuePair<string, string>(p.Key, table[p.Key])).ToList();
            ordered.AddRange(t.Space.OrderNames.Select(o => new KeyValuePair<string, string>(o, t.Order(o))));
            return ordered;
        }

        return new SearchSetup(
            archText,
            [new SearchStep(string.Empty, problem, mapping, Constants)],
            space,
            NocEnergy: true,
            _ => dramBytes,
            t =>
            [
                new("arch.yaml", archText), new("problem.yaml", problem), new("mapping.yaml", mapping),
                new("const.yaml", ConstantsYamlWriter.Write($"{title}: candidate {t.Index.ToString(CultureInfo.InvariantCulture)} of comet search", Constants(t))),
                new("flags.txt", "--calc_noc_energy\n"),
            ])
        {
            CapacityPreCheck = PreCheck(roles),
        };
    }

    /// <summary>The unfused sequence's search: the GEMM step (M over DRAM, cluster and compute; N over the meshes when wide) and the row step <paramref name="rowStep"/> (its rows per core over DRAM, cluster and the SIMD tiles; its columns per core over the SIMD tiles).</summary>
    public static SearchSetup Unfused(GeneratedCase generated, string archText, SearchShape s, bool wide, string rowStep, long dramBytes)
    {
        // The row step splits M over the machine, or N when M does not divide over it (ColumnSplitRowStep): its rows per core and columns per core.
        var ways = s.Clusters.Ways * s.Cores.Ways;
        var columns = ColumnSplitRowStep.Needed(s.M, s.Clusters, s.Cores);
        var (rowsPerCore, columnsPerCore) = columns ? (s.M, s.N / ways) : (s.M / ways, s.N);
        DimensionSpace[] dims =
        [
            new("M", s.M, [new($"{Gemm}:M_DRAM_temporal"), new($"{Gemm}:M_GB_temporal"), new($"{Gemm}:M_Compute")]),
            .. wide ? (DimensionSpace[])[new("N", s.N, [new($"{Gemm}:N_DRAM_spatial_X", s.ClusterMesh.X), new($"{Gemm}:N_DRAM_spatial_Y", s.ClusterMesh.Y), new($"{Gemm}:N_GB_spatial_X", s.CoreMesh.X), new($"{Gemm}:N_GB_spatial_Y", s.CoreMesh.Y), new($"{Gemm}:N_Compute")])] : [],
            new("M", rowsPerCore, [new($"{rowStep}:M_DRAM_temporal"), new($"{rowStep}:M_GB_temporal"), new($"{rowStep}:M_SE"), new($"{rowStep}:M_SM", s.Lanes)]),
            new("N", columnsPerCore, [new($"{rowStep}:N_SE"), new($"{rowStep}:N_SM", s.Lanes)]),
        ];
        SearchStep Step(string folder)
        {
            var defaults = generated.Factors.Where(p => p.Key.StartsWith(folder + ":", StringComparison.Ordinal)).Select(p => new KeyValuePair<string, string>(p.Key[(folder.Length + 1)..], p.Value)).ToList();
            IReadOnlyList<KeyValuePair<string, string>> Constants(Tiling t)
            {
                var table = defaults.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
                foreach (var name in t.Space.FactorNames.Where(n => n.StartsWith(folder + ":", StringComparison.Ordinal)))
                {
                    table[name[(folder.Length + 1)..]] = Num(t.Factor(name));
                }

                if (table.ContainsKey("red_factor"))
                {
                    table["red_factor"] = table["M_Compute"];
                }

                return [.. defaults.Select(p => new KeyValuePair<string, string>(p.Key, table[p.Key]))];
            }

            return new SearchStep(folder, Text(generated, $"{folder}/problem.yaml"), Text(generated, $"{folder}/mapping.yaml"), Constants);
        }

        SearchStep[] steps = [Step(Gemm), Step(rowStep)];
        return new SearchSetup(
            archText,
            steps,
            new TilingSpace(dims, []),
            NocEnergy: true,
            _ => dramBytes,
            t => GemmSoftmaxUnfused.SequenceFiles(archText, [.. steps.Select(st => new UnfusedStep(st.Folder, st.Problem, st.Mapping, [.. st.Constants(t)]))]));
    }

    /// <summary>The text of the generated file at <paramref name="path"/>.</summary>
    public static string Text(GeneratedCase generated, string path)
    {
        ArgumentNullException.ThrowIfNull(generated);
        return generated.Files.First(f => f.RelativePath == path).Text;
    }

    /// <summary>A factor as const.yaml writes it.</summary>
    public static string Num(long value) => value.ToString(CultureInfo.InvariantCulture);
}
