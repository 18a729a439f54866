using System.Globalization;
using Comet.Hardware.Inputs;

namespace Comet.Workloads.Generation;

/// <summary>Self-attention: S = Q·Kᵀ per head, softmax over the keys, O = P·V; fused FlashAttention-style or unfused with S and P through DRAM.</summary>
public sealed class AttentionTemplate : ICompoundTemplate, ISearchableTemplate
{
    /// <summary>The shape's dimension names: sequence length, heads, head dimension, batch.</summary>
    public static IReadOnlyList<string> ShapeNames { get; } = ["L", "H", "D", "B"];

    /// <inheritdoc/>
    public string Name => "attention";

    /// <inheritdoc/>
    public string Description => "S = Q·Kᵀ per head, softmax over the keys, O = P·V (--seq, --heads, --head-dim, --batch): fused FlashAttention-style, K/V loop inside with running max and sum and the rescaled output; unfused writes S and P to DRAM";

    /// <inheritdoc/>
    public IReadOnlyList<string> ShapeDimensions => ShapeNames;

    /// <inheritdoc/>
    public Search.SearchSetup Searchable(GenerationRequest request, bool wide) => AttentionSearch.Setup(this, request, wide);

    /// <inheritdoc/>
    public GeneratedCase Generate(GenerationRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var archText = Presets.ArchText(request.Preset);
        var roles = MachineRoles.Of(Presets.Arch(request.Preset), Presets.FileName(request.Preset));
        var (l, h, d, b) = (request.Shape["L"], request.Shape["H"], request.Shape["D"], request.Shape.TryGetValue("B", out var batch) ? batch : 1);
        var clusters = request.ClusterSplit ?? new MeshSplit(roles.Cluster.MeshX, roles.Cluster.MeshY);
        var cores = request.CoreSplit ?? new MeshSplit(roles.Output.MeshX, roles.Output.MeshY);
        var split = AttentionSplit.Of(h * b, l, clusters, cores);
        // A K/V block wider than the systolic array's columns only adds folds of the same cost: cap the block there.
        var gemm = roles.Gemm.Compute!;
        var columns = gemm.Model == Hardware.Specs.ComputeModel.SystolicArray ? gemm.ArrayCols * Math.Max(1, gemm.ArraysPerCol) : l;
        var shape = new Shape(l, h * b, d, split, columns);
        var about = $"L={l}, {h} heads x batch {b}, head dim {d} on preset {request.Preset}";
        var tree = new AttentionTree(roles);
        if (request.Fused)
        {
            var problem = AttentionTree.Problem($"self-attention, fused FlashAttention-style: per K/V block S = Q*K^T, running max and sum, O rescaled then O += P*V; Out = O/l, {about} (written by comet generate)");
            var mapping = MappingYamlWriter.Write(tree.Build(), $"self-attention fused, {about}: heads over clusters, query rows over cores, the K/V loop inside (written by comet generate)");
            var (rows, block) = Choose(shape, (m, nb) => TileFactorRule.Misfit(archText, problem, mapping, Constants(shape, m, nb, Step.Fused, request.Overrides)));
            var constants = Constants(shape, rows, block, Step.Fused, request.Overrides);
            GeneratedFile[] files =
            [
                new("arch.yaml", archText),
                new("problem.yaml", problem),
                new("mapping.yaml", mapping),
                new("const.yaml", ConstantsYamlWriter.Write($"self-attention {about}: factors by the default rule of docs/generate.md", constants)),
                new("flags.txt", "--calc_noc_energy\n"),
            ];
            return new GeneratedCase(files, constants);
        }

        var texts = AttentionUnfused.Steps(tree, about);
        (string Folder, Step Kind)[] names = [("01-qk", Step.Gemm), ("02-softmax", Step.Softmax), ("03-pv", Step.Gemm)];
        var steps = new List<UnfusedStep>();
        for (var i = 0; i < names.Length; i++)
        {
            var (problem, mapping) = texts[i];
            var kind = names[i].Kind;
            var (rows, block, dramSteps) = ChooseWithRowBlocks(shape, (m, nb, d) => TileFactorRule.Misfit(archText, problem, mapping, Constants(shape, m, nb, kind, request.Overrides, d)), kind == Step.Softmax);
            steps.Add(new UnfusedStep(names[i].Folder, problem, mapping, Constants(shape, rows, block, kind, request.Overrides, dramSteps)));
        }

        if (request.Overrides is { Count: > 0 } given)
        {
            Refuse(given, [.. steps.SelectMany(s => s.Constants.Select(c => c.Key)).Distinct()]);
        }

        return new GeneratedCase(GemmSoftmaxUnfused.SequenceFiles(archText, steps), [.. steps.SelectMany(s => s.Constants.Select(c => new KeyValuePair<string, string>($"{s.Folder}:{c.Key}", c.Value)))]);
    }

    /// <summary>An unfused step's tiles: the fewest query-row blocks at DRAM (a divisor of a core's rows) for which <see cref="Choose"/> finds a K/V block and query tile that fit, the tile then within a block.</summary>
    private static (long Rows, long Block, long DramSteps) ChooseWithRowBlocks(Shape s, Func<long, long, long, string?> misfit, bool rowsOnly)
    {
        InputException? first = null;
        foreach (var dramSteps in TileFactorRule.Divisors(s.Split.RowsPerCore))
        {
            var blockShape = s with { Split = s.Split with { RowsPerCore = s.Split.RowsPerCore / dramSteps } };
            try
            {
                var (rows, block) = Choose(blockShape, (m, nb) => misfit(m, nb, dramSteps), rowsOnly);
                return (rows, block, dramSteps);
            }
            catch (InputException e)
            {
                // Fewer rows per DRAM step may fit; the one-step reason is the one to report when none does.
                first ??= e;
            }
        }

        throw first!;
    }

    /// <summary>The largest K/V block (a divisor of L no wider than the GEMM array's columns) for which some query tile fits, then the largest query tile (a divisor of a core's rows) that fits with it: every buffer is checked by COMET's own capacity rule.</summary>
    private static (long Rows, long Block) Choose(Shape s, Func<long, long, string?> misfit, bool rowsOnly = false)
    {
        var blocks = rowsOnly ? [s.L] : TileFactorRule.Divisors(s.L).Where(d => d <= Math.Max(1, s.Columns)).Reverse().ToList();
        var tiles = TileFactorRule.Divisors(s.Split.RowsPerCore).Reverse().ToList();
        string? why = null;
        foreach (var block in blocks)
        {
            foreach (var rows in tiles)
            {
                why = misfit(rows, block);
                if (why is null)
                {
                    return (rows, block);
                }
            }
        }

        throw TileFactorRule.Untileable("D", s.D, $"even one query row against the smallest K/V block does not fit ({why}; tried K/V blocks {string.Join(", ", blocks)} and query tiles {string.Join(", ", tiles)})");
    }

    private static List<KeyValuePair<string, string>> Constants(Shape s, long rows, long block, Step step, IReadOnlyDictionary<string, string>? overrides, long dramSteps = 1)
    {
        var p = s.Split;
        var values = new List<(string, object)> { ("H", s.Heads), ("M", s.L), ("N", s.L) };
        if (step != Step.Softmax)
        {
            values.Add(("D", s.D));
        }

        values.AddRange([("H_DRAM_temporal", p.HeadsPerCluster)]);
        values.Add(("M_DRAM_temporal", step == Step.Fused ? p.RowsPerCore / rows : dramSteps));

        values.AddRange([("H_DRAM_spatial_X", p.HeadsX), ("H_DRAM_spatial_Y", p.HeadsY), ("M_DRAM_spatial_X", p.RowsX), ("M_DRAM_spatial_Y", p.RowsY)]);
        if (step != Step.Fused)
        {
            values.Add(("M_GB_temporal", p.RowsPerCore / (rows * dramSteps)));
        }

        values.AddRange([("M_GB_spatial_X", p.Cores.X), ("M_GB_spatial_Y", p.Cores.Y), ("M_core", rows)]);
        if (step != Step.Softmax)
        {
            values.AddRange([("N_GB_temporal", s.L / block), ("N_block", block)]);
        }

        var table = values.Select(v => new KeyValuePair<string, string>(v.Item1, Convert.ToString(v.Item2, CultureInfo.InvariantCulture)!)).ToList();
        return Override(table, overrides, step == Step.Fused, s, p);
    }

    // Overrides replace the rule's values; the loop counts follow M_core and N_block unless given themselves. For an
    // unfused step only the names it has apply (a name no step has is refused by Refuse).
    private static List<KeyValuePair<string, string>> Override(List<KeyValuePair<string, string>> table, IReadOnlyDictionary<string, string>? overrides, bool fused, Shape s, AttentionSplit p)
    {
        if (overrides is null || overrides.Count == 0)
        {
            return table;
        }

        if (fused)
        {
            Refuse(overrides, table.Select(t => t.Key).ToList());
        }

        var result = table.Select(t => overrides.TryGetValue(t.Key, out var v) ? new KeyValuePair<string, string>(t.Key, v) : t).ToList();
        long Value(string key) => long.TryParse(result.First(t => t.Key == key).Value, NumberStyles.None, CultureInfo.InvariantCulture, out var v) && v > 0 ? v : 1;
        return [.. result.Select(t => t.Key switch
        {
            "N_GB_temporal" when !overrides.ContainsKey(t.Key) => new KeyValuePair<string, string>(t.Key, Num(s.L / Value("N_block"))),
            "M_DRAM_temporal" when fused && !overrides.ContainsKey(t.Key) => new KeyValuePair<string, string>(t.Key, Num(p.RowsPerCore / Value("M_core"))),
            "M_GB_temporal" when !overrides.ContainsKey(t.Key) => new KeyValuePair<string, string>(t.Key, Num(p.RowsPerCore / (Value("M_core") * Value("M_DRAM_temporal")))),
            _ => t,
        })];
    }

    /// <summary>Refuses an override no constant of <paramref name="names"/> is called, naming the nearest.</summary>
    private static void Refuse(IReadOnlyDictionary<string, string> overrides, IReadOnlyList<string> names)
    {
        foreach (var name in overrides.Keys.Where(n => !names.Contains(n)).Order(StringComparer.Ordinal))
        {
            throw new InputException("--factor", string.Empty, $"unknown factor '{name}' (attention's factors: {string.Join(", ", names.Where(n => n is not ("H" or "M" or "N" or "D")))})", hint: NameHints.DidYouMean(name, names));
        }
    }

    private static string Num(long value) => value.ToString(CultureInfo.InvariantCulture);

    private enum Step
    {
        Fused,
        Gemm,
        Softmax,
    }

    private sealed record Shape(long L, long Heads, long D, AttentionSplit Split, long Columns);
}
