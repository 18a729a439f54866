namespace Comet.Workloads.Generation;

/// <summary>The unfused GEMM-LayerNorm baseline: the GEMM writes C to DRAM, then a SIMD-only LayerNorm reads C back from DRAM and writes O, each with its own mapping and factors.</summary>
/// <remarks>The LayerNorm splits M (rows are independent) over the clusters and cores, so its row statistics stay in each core's output buffer and need no collective; the GEMM splits N as the fused mapping does (the unfused GEMM-Softmax's first step).</remarks>
public static class GemmLayerNormUnfused
{
    private static readonly string[] Mn = ["M", "N"];

    /// <summary>The sequence folder's files: arch.yaml, flags.txt, sequence.txt and 01-gemm/, 02-layernorm/.</summary>
    public static GeneratedCase Generate(GenerationRequest request, string archText, MachineRoles roles, MeshSplit clusters, MeshSplit cores, long perCoreN, long lanes)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(roles);
        var known = new List<string>();
        var gemm = GemmSoftmaxUnfused.GemmStep(request, archText, roles, clusters, cores, perCoreN, known, "GEMM-LayerNorm");
        var layerNorm = LayerNormStep(request, archText, roles, clusters, cores, lanes, known);
        if (request.Overrides is { Count: > 0 } overrides)
        {
            // Refuses a name neither step knows.
            GemmSoftmaxTemplate.Override([], overrides, known, "gemm-layernorm");
        }

        var steps = new[] { gemm, layerNorm };
        return new GeneratedCase(GemmSoftmaxUnfused.SequenceFiles(archText, steps), [.. steps.SelectMany(s => s.Constants.Select(c => new KeyValuePair<string, string>($"{s.Folder}:{c.Key}", c.Value)))]);
    }

    private static UnfusedStep LayerNormStep(GenerationRequest request, string archText, MachineRoles roles, MeshSplit clusters, MeshSplit cores, long lanes, List<string> known)
    {
        var (m, n) = (request.Shape["M"], request.Shape["N"]);
        if (ColumnSplitRowStep.Needed(m, clusters, cores))
        {
            return ColumnLayerNormStep(request, archText, roles, clusters, cores, lanes, known);
        }

        var rowsPerCore = TileFactorRule.PerCore("M", m, clusters, cores);
        var problem = GemmLayerNormProblem.LayerNormStep(m, n);
        var (dram, gb, ob, se) = (roles.Dram.Name, roles.Cluster.Name, roles.Output.Name, roles.Simd.Name);
        (string Tensor, string Tag)[] io = [("C", "ROWSUM1"), ("EPS", "ADDEPS"), ("GAMMA", "SCALE"), ("BETA", "SHIFT"), ("O", "SHIFT")];
        IEnumerable<TileEntrySpec> Io(string target, string child, params IReadOnlyDictionary<string, string>[] lines)
            => io.Select(t => new TileEntrySpec(t.Tensor, target, child, GemmLayerNormProblem.Precision(t.Tensor), t.Tensor == "O", t.Tag, lines));
        var seLoop = F(("M", "M_SE"), ("N", "N_SE"));
        var leaves = new List<MappingNodeSpec>();
        foreach (var name in GemmLayerNormProblem.LayerNormOperations)
        {
            var (type, tensors) = GemmLayerNormProblem.Simd(name);
            var op = new OperationNodeSpec(type, name, tensors, [new("M", "M_SM"), new("N", "N_SM")], "N", "1");
            leaves.Add(BindingNodeSpec.Sequential);
            leaves.Add(new TileNodeSpec(false, Mn, [.. tensors.Select((t, i) => new TileEntrySpec(t, ob, se, GemmLayerNormProblem.Precision(t), i == tensors.Count - 1, name, [seLoop]))], "MN", [op]));
        }

        var coreSplit = new TileNodeSpec(true, Mn, [.. Io(gb, ob, F(("M", "M_GB_spatial_X")), F(("M", "M_GB_spatial_Y")))], "NM", leaves);
        var gbLoop = new TileNodeSpec(false, Mn, [.. Io(gb, ob, F(("M", "M_GB_temporal")))], "NM", [coreSplit]);
        var spatial = new TileNodeSpec(true, Mn, [.. Io(dram, gb, F(("M", "M_DRAM_spatial_X")), F(("M", "M_DRAM_spatial_Y")))], "NM", [gbLoop]);
        var root = new TileNodeSpec(false, Mn, [.. Io(dram, gb, F(("M", "M_DRAM_temporal")))], "NM", [spatial]);
        var mapping = MappingYamlWriter.Write(root, $"unfused GEMM-LayerNorm step 2 (LayerNorm, SIMD only) on preset {request.Preset}: {m}x{n}, M split {clusters} over clusters and {cores} over cores (written by comet generate)");
        var simdN = TileFactorRule.LargestDivisorAtMost(n, lanes);
        List<KeyValuePair<string, string>> Constants(long tile, long steps)
        {
            var simdM = TileFactorRule.LargestDivisorAtMost(tile, lanes / simdN);
            (string, object)[] values =
            [
                ("M", m), ("N", n), ("M_DRAM_temporal", steps), ("M_DRAM_spatial_X", clusters.X), ("M_DRAM_spatial_Y", clusters.Y),
                ("M_GB_temporal", rowsPerCore / (tile * steps)), ("M_GB_spatial_X", cores.X), ("M_GB_spatial_Y", cores.Y),
                ("M_SE", tile / simdM), ("N_SE", n / simdN), ("M_SM", simdM), ("N_SM", simdN),
            ];
            return Table(values, request, known);
        }

        var (rowTile, dramSteps) = TileFactorRule.Choose(rowsPerCore, (t, s) => TileFactorRule.Misfit(archText, problem, mapping, Constants(t, s)),
            (why, tried) => TileFactorRule.Untileable("N", n, $"even one row of N per core does not fit ({why}; tried row tiles {tried})"));
        return new UnfusedStep("02-layernorm", problem, mapping, Constants(rowTile, dramSteps));
    }

    // M does not divide over the machine (a 1xN row): N is split instead and the two row statistics are all-reduced, as in the fused tree.
    private static UnfusedStep ColumnLayerNormStep(GenerationRequest request, string archText, MachineRoles roles, MeshSplit clusters, MeshSplit cores, long lanes, List<string> known)
    {
        var (m, n) = (request.Shape["M"], request.Shape["N"]);
        var problem = GemmLayerNormProblem.LayerNormStep(m, n);
        (string Type, string Name, IReadOnlyList<string> Tensors) Op(string name)
        {
            var (type, tensors) = GemmLayerNormProblem.Simd(name);
            return (type, name, tensors);
        }

        RowStepGroup[] groups =
        [
            new([("C", false, "ROWSUM1"), ("S", true, "ROWSUM1")], [Op("ROWSUM1")], ("colop1", "add", "S")),
            new([("S", false, "MEAN"), ("Q", true, "ROWSUM2")], [.. new[] { "MEAN", "SUB1", "SQUARE", "ROWSUM2" }.Select(Op)], ("colop2", "add", "Q")),
            new([("Q", false, "VAR"), ("EPS", false, "ADDEPS"), ("GAMMA", false, "SCALE"), ("BETA", false, "SHIFT"), ("O", true, "SHIFT")], [.. new[] { "VAR", "ADDEPS", "SQRT", "SUB2", "NORM", "SCALE", "SHIFT" }.Select(Op)], null),
        ];
        (string, string)[] io = [("C", "ROWSUM1"), ("EPS", "ADDEPS"), ("GAMMA", "SCALE"), ("BETA", "SHIFT"), ("O", "SHIFT")];
        var tree = ColumnSplitRowStep.Tree(roles, io, groups, (t, _) => GemmLayerNormProblem.Precision(t), clusters.Ways > 1);
        var mapping = MappingYamlWriter.Write(tree, $"unfused GEMM-LayerNorm step 2 (LayerNorm, SIMD only) on preset {request.Preset}: {m}x{n}, M={m} does not split over the machine, so N is split {clusters} over clusters and {cores} over cores with all-reduces of the row sums (written by comet generate)");
        List<KeyValuePair<string, string>> Constants(long tile, long steps) => Table([.. ColumnSplitRowStep.Constants(m, n, clusters, cores, lanes, tile, steps)], request, known);
        var (rowTile, dramSteps) = TileFactorRule.Choose(m, (t, s) => TileFactorRule.Misfit(archText, problem, mapping, Constants(t, s)),
            (why, tried) => TileFactorRule.Untileable("N", n, $"even one row's N slice per core does not fit ({why}; tried row tiles {tried})"));
        return new UnfusedStep("02-layernorm", problem, mapping, Constants(rowTile, dramSteps));
    }

    private static List<KeyValuePair<string, string>> Table((string Name, object Value)[] values, GenerationRequest request, List<string> known)
        => GemmSoftmaxUnfused.Table(values, request.Overrides, known, "gemm-layernorm");

    private static Dictionary<string, string> F(params (string Dim, string Value)[] values) => values.ToDictionary(v => v.Dim, v => v.Value, StringComparer.Ordinal);
}
