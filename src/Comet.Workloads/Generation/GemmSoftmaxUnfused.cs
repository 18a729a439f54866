using System.Globalization;

namespace Comet.Workloads.Generation;

/// <summary>The unfused GEMM-Softmax baseline: the GEMM writes C to DRAM, then a SIMD-only softmax reads C back from DRAM and writes H, each with its own mapping and factors.</summary>
/// <remarks>The softmax splits M (rows are independent) over the clusters and cores, so it needs no collective; the GEMM splits N as the fused mapping does.</remarks>
public static class GemmSoftmaxUnfused
{
    private static readonly string[] Mnk = ["M", "N", "K"];
    private static readonly string[] Mn = ["M", "N"];

    /// <summary>The sequence folder's files: arch.yaml, flags.txt, sequence.txt and 01-gemm/, 02-softmax/.</summary>
    public static GeneratedCase Generate(GenerationRequest request, string archText, MachineRoles roles, MeshSplit clusters, MeshSplit cores, long perCoreN, long lanes)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(roles);
        var (m, n, k) = (request.Shape["M"], request.Shape["N"], request.Shape["K"]);
        var known = new List<string>();
        var gemm = GemmStep(request, archText, roles, clusters, cores, perCoreN, known);
        var softmax = SoftmaxStep(request, archText, roles, clusters, cores, lanes, known);
        if (request.Overrides is { Count: > 0 } overrides)
        {
            // Refuses a name neither step knows.
            GemmSoftmaxTemplate.Override([], overrides, known);
        }

        var steps = new[] { gemm, softmax };
        return new GeneratedCase(SequenceFiles(archText, steps), [.. steps.SelectMany(s => s.Constants.Select(c => new KeyValuePair<string, string>($"{s.Folder}:{c.Key}", c.Value)))]);
    }

    /// <summary>The files of an unfused sequence folder: the shared arch.yaml and flags.txt, one subfolder per step and sequence.txt listing them in run order.</summary>
    public static List<GeneratedFile> SequenceFiles(string archText, IReadOnlyList<UnfusedStep> steps)
    {
        ArgumentNullException.ThrowIfNull(steps);
        var files = new List<GeneratedFile> { new("arch.yaml", archText), new("flags.txt", "--calc_noc_energy\n") };
        foreach (var s in steps)
        {
            files.Add(new($"{s.Folder}/problem.yaml", s.Problem));
            files.Add(new($"{s.Folder}/mapping.yaml", s.Mapping));
            files.Add(new($"{s.Folder}/const.yaml", ConstantsYamlWriter.Write($"{s.Folder}: factors by the default rule of docs/generate.md", s.Constants)));
        }

        files.Add(new(Inputs.SequenceFolder.SequenceFile, string.Concat(steps.Select(s => s.Folder + "\n"))));
        return files;
    }

    /// <summary>Step 1 of an unfused GEMM-X sequence: C = A·B with N split as the fused mapping does, C written to DRAM; <paramref name="compound"/> names the sequence in the files' comments.</summary>
    internal static UnfusedStep GemmStep(GenerationRequest request, string archText, MachineRoles roles, MeshSplit clusters, MeshSplit cores, long perCoreN, List<string> known, string compound = "GEMM-Softmax")
    {
        var (m, n, k) = (request.Shape["M"], request.Shape["N"], request.Shape["K"]);
        var problem = ProblemYamlWriter.Write($"unfused {compound}, step 1: C = A*B ({m}x{k} times {k}x{n}) to DRAM (written by comet generate)", Mnk,
            [new("GEMM", [new("A", ["M", "K"]), new("B", ["K", "N"]), new("C", Mn, true)])], "C");
        var (dram, gb, ib, wb, ob, g) = (roles.Dram.Name, roles.Cluster.Name, roles.Input.Name, roles.Weight.Name, roles.Output.Name, roles.Gemm.Name);
        var one = F(("M", "1"));
        var op = new OperationNodeSpec("GEMM", "GEMM", ["A", "B", "C"], [new("M", "M_Compute"), new("N", "N_Compute"), new("K", "K_Compute")], "red_dim", "red_factor");
        var core = new TileNodeSpec(false, Mnk, [E("A", ib, g, 8, false, "GEMM", one), E("B", wb, g, 8, false, "GEMM", one), E("C", ob, g, 8, true, "GEMM", one)], "MKN", [op]);
        var coreSplit = new TileNodeSpec(true, Mnk, [.. Tri(gb, ib, wb, ob, F(("N", "N_GB_spatial_X")), F(("N", "N_GB_spatial_Y")))], "KNM", [core]);
        var gbLoop = new TileNodeSpec(false, Mnk, [.. Tri(gb, ib, wb, ob, F(("M", "M_GB_temporal")))], "KNM", [coreSplit]);
        var spatial = new TileNodeSpec(true, Mnk, [.. Tri(dram, gb, gb, gb, F(("N", "N_DRAM_spatial_X")), F(("N", "N_DRAM_spatial_Y")))], "KNM", [gbLoop]);
        var root = new TileNodeSpec(false, Mnk, [.. Tri(dram, gb, gb, gb, F(("M", "M_DRAM_temporal")))], "KNM", [spatial]);
        var mapping = MappingYamlWriter.Write(root, $"unfused {compound} step 1 (GEMM) on preset {request.Preset}: {m}x{n}x{k}, N split {clusters} over clusters and {cores} over cores (written by comet generate)");
        List<KeyValuePair<string, string>> Constants(long tile, long steps)
        {
            (string, object)[] values =
            [
                ("M", m), ("N", n), ("K", k), ("M_DRAM_temporal", steps), ("N_DRAM_spatial_X", clusters.X), ("N_DRAM_spatial_Y", clusters.Y),
                ("M_GB_temporal", m / (tile * steps)), ("N_GB_spatial_X", cores.X), ("N_GB_spatial_Y", cores.Y),
                ("M_Compute", tile), ("N_Compute", perCoreN), ("K_Compute", k), ("red_dim", "M"), ("red_factor", tile),
            ];
            return Table(values, request.Overrides, known);
        }

        var (rowTile, dramSteps) = TileFactorRule.Choose(m, (t, s) => TileFactorRule.Misfit(archText, problem, mapping, Constants(t, s)),
            (why, tried) => TileFactorRule.Untileable("K", k, $"with N={perCoreN} per core even one row per step does not fit ({why}; tried row tiles {tried})"));
        return new UnfusedStep("01-gemm", problem, mapping, Constants(rowTile, dramSteps));
    }

    private static UnfusedStep SoftmaxStep(GenerationRequest request, string archText, MachineRoles roles, MeshSplit clusters, MeshSplit cores, long lanes, List<string> known)
    {
        var (m, n) = (request.Shape["M"], request.Shape["N"]);
        if (ColumnSplitRowStep.Needed(m, clusters, cores))
        {
            return ColumnSoftmaxStep(request, archText, roles, clusters, cores, lanes, known);
        }

        var rowsPerCore = TileFactorRule.PerCore("M", m, clusters, cores);
        string[] mn = Mn;
        string[] rowOnly = ["M"];
        var ops = SoftmaxOperations(mn, rowOnly);
        var problem = ProblemYamlWriter.Write($"unfused GEMM-Softmax, step 2: H = softmax over the rows of C ({m}x{n}), C read from DRAM (written by comet generate)", Mn, ops, "H");
        var (dram, gb, ob, se) = (roles.Dram.Name, roles.Cluster.Name, roles.Output.Name, roles.Simd.Name);
        var seLoop = F(("M", "M_SE"), ("N", "N_SE"));
        TileNodeSpec Simd(string type, string name, string[] tensors) => new(false, Mn, [.. tensors.Select((t, i) => E(t, ob, se, 16, i == tensors.Length - 1, name, seLoop))], "MN",
            [new OperationNodeSpec(type, name, tensors, [new("M", "M_SM"), new("N", "N_SM")], "N", "1")]);
        MappingNodeSpec seq = BindingNodeSpec.Sequential;
        var coreSplit = new TileNodeSpec(true, Mn, [E("C", gb, ob, 16, false, "ROWMAX", F(("M", "M_GB_spatial_X")), F(("M", "M_GB_spatial_Y"))), E("H", gb, ob, 16, true, "DIV", F(("M", "M_GB_spatial_X")), F(("M", "M_GB_spatial_Y")))], "NM",
            [seq, Simd("rowmax", "ROWMAX", ["C", "D"]), seq, Simd("add", "SUB", ["C", "D", "E"]), seq, Simd("exp", "EXP1", ["E", "F"]), seq, Simd("rowsum", "ROWSUM", ["F", "G"]), seq, Simd("div", "DIV", ["F", "G", "H"])]);
        var gbLoop = new TileNodeSpec(false, Mn, [E("C", gb, ob, 16, false, "ROWMAX", F(("M", "M_GB_temporal"))), E("H", gb, ob, 16, true, "DIV", F(("M", "M_GB_temporal")))], "NM", [coreSplit]);
        var spatial = new TileNodeSpec(true, Mn, [E("C", dram, gb, 8, false, "ROWMAX", F(("M", "M_DRAM_spatial_X")), F(("M", "M_DRAM_spatial_Y"))), E("H", dram, gb, 8, true, "DIV", F(("M", "M_DRAM_spatial_X")), F(("M", "M_DRAM_spatial_Y")))], "NM", [gbLoop]);
        var root = new TileNodeSpec(false, Mn, [E("C", dram, gb, 8, false, "ROWMAX", F(("M", "M_DRAM_temporal"))), E("H", dram, gb, 8, true, "DIV", F(("M", "M_DRAM_temporal")))], "NM", [spatial]);
        var mapping = MappingYamlWriter.Write(root, $"unfused GEMM-Softmax step 2 (softmax, SIMD only) on preset {request.Preset}: {m}x{n}, M split {clusters} over clusters and {cores} over cores (written by comet generate)");
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
            return Table(values, request.Overrides, known);
        }

        var (rowTile, dramSteps) = TileFactorRule.Choose(rowsPerCore, (t, s) => TileFactorRule.Misfit(archText, problem, mapping, Constants(t, s)),
            (why, tried) => TileFactorRule.Untileable("N", n, $"even one row of N per core does not fit ({why}; tried row tiles {tried})"));
        return new UnfusedStep("02-softmax", problem, mapping, Constants(rowTile, dramSteps));
    }

    // M does not divide over the machine (a 1xN row): N is split instead and the row statistics are all-reduced, as in the fused tree.
    private static UnfusedStep ColumnSoftmaxStep(GenerationRequest request, string archText, MachineRoles roles, MeshSplit clusters, MeshSplit cores, long lanes, List<string> known)
    {
        var (m, n) = (request.Shape["M"], request.Shape["N"]);
        string[] mn = Mn;
        string[] rowOnly = ["M"];
        var problem = ProblemYamlWriter.Write($"unfused GEMM-Softmax, step 2: H = softmax over the rows of C ({m}x{n}), C read from DRAM (written by comet generate)", Mn, SoftmaxOperations(mn, rowOnly), "H");
        RowStepGroup[] groups =
        [
            new([("C", false, "ROWMAX"), ("D", true, "ROWMAX")], [("rowmax", "ROWMAX", ["C", "D"])], ("colop1", "max", "D")),
            new([("D", false, "SUB"), ("G", true, "ROWSUM")], [("add", "SUB", ["C", "D", "E"]), ("exp", "EXP1", ["E", "F"]), ("rowsum", "ROWSUM", ["F", "G"])], ("colop2", "add", "G")),
            new([("G", false, "DIV"), ("H", true, "DIV")], [("div", "DIV", ["F", "G", "H"])], null),
        ];
        var tree = ColumnSplitRowStep.Tree(roles, [("C", "ROWMAX"), ("H", "DIV")], groups, (_, fromDram) => fromDram ? 8 : 16, clusters.Ways > 1);
        var mapping = MappingYamlWriter.Write(tree, $"unfused GEMM-Softmax step 2 (softmax, SIMD only) on preset {request.Preset}: {m}x{n}, M={m} does not split over the machine, so N is split {clusters} over clusters and {cores} over cores with all-reduces of the row max and sum (written by comet generate)");
        List<KeyValuePair<string, string>> Constants(long tile, long steps) => Table([.. ColumnSplitRowStep.Constants(m, n, clusters, cores, lanes, tile, steps)], request.Overrides, known);
        var (rowTile, dramSteps) = TileFactorRule.Choose(m, (t, s) => TileFactorRule.Misfit(archText, problem, mapping, Constants(t, s)),
            (why, tried) => TileFactorRule.Untileable("N", n, $"even one row's N slice per core does not fit ({why}; tried row tiles {tried})"));
        return new UnfusedStep("02-softmax", problem, mapping, Constants(rowTile, dramSteps));
    }

    private static ProblemOperationSpec[] SoftmaxOperations(string[] mn, string[] rowOnly) =>
    [
        new("ROWMAX", [new("C", mn), new("D", rowOnly, true)]),
        new("SUB", [new("C", mn), new("D", rowOnly), new("E", mn, true)]),
        new("EXP1", [new("E", mn), new("F", mn, true)]),
        new("ROWSUM", [new("F", mn), new("G", rowOnly, true)]),
        new("DIV", [new("F", mn), new("G", rowOnly), new("H", mn, true)]),
    ];

    /// <summary>A step's constants as const.yaml writes them, its names noted in <paramref name="known"/>, the user's overrides of those names applied (<paramref name="operation"/> names the template in an error).</summary>
    internal static List<KeyValuePair<string, string>> Table((string Name, object Value)[] values, IReadOnlyDictionary<string, string>? overrides, List<string> known, string operation = "gemm-softmax")
    {
        foreach (var name in values.Select(v => v.Name).Where(n => !known.Contains(n)))
        {
            known.Add(name);
        }

        var table = values.Select(v => new KeyValuePair<string, string>(v.Name, Convert.ToString(v.Value, CultureInfo.InvariantCulture)!)).ToList();
        var mine = overrides?.Where(o => table.Any(t => t.Key == o.Key)).ToDictionary(o => o.Key, o => o.Value, StringComparer.Ordinal);
        return GemmSoftmaxTemplate.Override(table, mine, [.. table.Select(t => t.Key)], operation);
    }

    private static IEnumerable<TileEntrySpec> Tri(string target, string a, string b, string c, params IReadOnlyDictionary<string, string>[] lines)
        => [E("A", target, a, 8, false, "GEMM", lines), E("B", target, b, 8, false, "GEMM", lines), E("C", target, c, 8, true, "GEMM", lines)];

    private static TileEntrySpec E(string tensor, string target, string child, int precision, bool wb, string tag, params IReadOnlyDictionary<string, string>[] lines)
        => new(tensor, target, child, precision, wb, tag, lines);

    private static Dictionary<string, string> F(params (string Dim, string Value)[] values) => values.ToDictionary(v => v.Dim, v => v.Value, StringComparer.Ordinal);
}
