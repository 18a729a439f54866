namespace Comet.Workloads.Generation;

/// <summary>The fused self-attention mapping tree, FlashAttention-style: per K/V block S = Q·Kᵀ, the running max and sum, P = exp(S − m), the rescale of l and O by exp(m_old − m_new), O += P·V; O / l after the last block (docs/generate.md, "Self-attention").</summary>
/// <remarks>
/// DRAM loop over heads and query blocks → heads (and query rows) over the clusters → a GB node holding the head's
/// Q, K, V in place → the K/V loop (QK GEMM; the softmax and rescale on the SIMD engine; PV GEMM, P through the GB into
/// the input buffer) → the final division. Query rows split over each cluster's cores; S, P and the running
/// statistics never leave the chip.
/// </remarks>
/// <param name="Roles">The preset's levels.</param>
public sealed record AttentionTree(MachineRoles Roles)
{
    /// <summary>The problem's dimensions: heads (batch × heads), query rows M, keys N, head dimension D.</summary>
    public static IReadOnlyList<string> Dimensions { get; } = ["H", "M", "N", "D"];

    /// <summary>The loop order of every node, inner to outer.</summary>
    public const string Permutation = "DNMH";

    private string Dram => Roles.Dram.Name;

    private string Gb => Roles.Cluster.Name;

    private string Ib => Roles.Input.Name;

    private string Wb => Roles.Weight.Name;

    private string Ob => Roles.Output.Name;

    /// <summary>The fused problem: QK, the block statistics and rescale (BMAX … OSCALE), PV and FDIV; Q, K, V in, Out out.</summary>
    public static string Problem(string comment)
    {
        string[] hmd = ["H", "M", "D"];
        string[] hnd = ["H", "N", "D"];
        string[] hmn = ["H", "M", "N"];
        string[] hm = ["H", "M"];
        string[] hmD = ["H", "M", "D"];
        ProblemOperationSpec[] ops =
        [
            new("QK", [new("Q", hmd), new("K", hnd), new("S", hmn, true)]),
            new("BMAX", [new("S", hmn), new("Mb", hm, true)], hmn),
            new("NMAX", [new("Mx", hm), new("Mb", hm), new("Mn", hm, true)], hm),
            new("DM", [new("Mx", hm), new("Mn", hm), new("Dm", hm, true)], hm),
            new("ALPHA", [new("Dm", hm), new("Al", hm, true)], hm),
            new("SUBS", [new("S", hmn), new("Mn", hm), new("E", hmn, true)], hmn),
            new("EXPS", [new("E", hmn), new("P", hmn, true)], hmn),
            new("BSUM", [new("P", hmn), new("Lb", hm, true)], hmn),
            new("LSCALE", [new("Al", hm), new("Lx", hm, true)], hm),
            new("LACC", [new("Lb", hm), new("Lx", hm, true)], hm),
            new("OSCALE", [new("Al", hm), new("O", hmD, true)], hmD),
            new("PV", [new("P", hmn), new("V", hnd), new("O", hmD, true)]),
            new("FDIV", [new("O", hmD), new("Lx", hm), new("Out", hmD, true)]),
        ];
        return ProblemYamlWriter.Write(comment, Dimensions, ops, "Out", ["Q", "K", "V"]);
    }

    /// <summary>The whole tree, rooted at the DRAM loop over heads and query blocks.</summary>
    public TileNodeSpec Build()
    {
        var gemmSplit = Split();
        var qk = new TileNodeSpec(true, Dimensions, [E("Q", Gb, Ib, 8, false, "QK", gemmSplit), E("K", Gb, Wb, 8, false, "QK", gemmSplit)], Permutation, [GemmCore("QK", ["Q", "K", "S"])]);
        var pv = new TileNodeSpec(true, Dimensions, [E("P", Gb, Ib, 8, false, "PV", gemmSplit), E("V", Gb, Wb, 8, false, "PV", gemmSplit)], Permutation, [GemmCore("PV", ["P", "V", "O"])]);
        var block = Tp("M_core", "N_block", "1");
        var row = Tp("M_core", "1", "1");
        TileNodeSpec[] leaves =
        [
            Simd("rowmax", "BMAX", ["S", "Mb"], block),
            Simd("max", "NMAX", ["Mx", "Mb", "Mn"], row),
            Simd("sub", "DM", ["Mx", "Mn", "Dm"], row),
            Simd("exp", "ALPHA", ["Dm", "Al"], row),
            Simd("sub", "SUBS", ["S", "Mn", "E"], block),
            Simd("exp", "EXPS", ["E", "P"], block),
            Simd("rowsum", "BSUM", ["P", "Lb"], block),
            Simd("mult", "LSCALE", ["Al", "Lx"], row),
            Simd("add", "LACC", ["Lb", "Lx"], row),
            Simd("mult", "OSCALE", ["Al", "O"], Tp("M_core", "1", "D")),
        ];

        // The block max is written back to the GB only because COMET's energy walk needs the first leaf of a spatial
        // node to share a tensor with it (the tool aborts otherwise); it is M_core values per block.
        var softmax = new TileNodeSpec(true, Dimensions, [E("Mb", Gb, Ob, 16, true, "BMAX", gemmSplit), E("P", Gb, Ob, 8, true, "EXPS", gemmSplit)], Permutation,
            [.. leaves.SelectMany(l => new MappingNodeSpec[] { BindingNodeSpec.Sequential, l })]);
        var kvLoop = new TileNodeSpec(false, Dimensions,
            [E("Q", Gb, Ib, 8, false, "QK", N()), E("K", Gb, Wb, 8, false, "QK", N()), E("P", Gb, Ob, 8, true, "EXPS", N()), E("P", Gb, Ib, 8, false, "PV", N()), E("V", Gb, Wb, 8, false, "PV", N())],
            Permutation, [BindingNodeSpec.Sequential, qk, BindingNodeSpec.Sequential, softmax, BindingNodeSpec.Sequential, pv]);
        var final = new TileNodeSpec(true, Dimensions, [E("Out", Gb, Ob, 8, true, "FDIV", gemmSplit)], Permutation,
            [Simd("div", "FDIV", ["O", "Lx", "Out"], Tp("M_core", "N", "D"), ("N", "N"))]);

        // Q, K and V stay where the DRAM fill put them (GB → GB: nothing moves); Out drains from the output buffers.
        var head = new TileNodeSpec(false, Dimensions,
            [E("Q", Gb, Gb, 8, false, "QK", One()), E("K", Gb, Gb, 8, false, "QK", One()), E("V", Gb, Gb, 8, false, "PV", One()), E("Out", Gb, Ob, 8, true, "FDIV", One())],
            Permutation, [BindingNodeSpec.Sequential, kvLoop, BindingNodeSpec.Sequential, final]);
        return DramLevels("H_DRAM_temporal", "M_DRAM_temporal", [("Q", "QK", false), ("K", "QK", false), ("V", "PV", false), ("Out", "FDIV", true)], head);
    }

    /// <summary>The DRAM temporal loop and the DRAM → cluster split above <paramref name="child"/> for the given tensors.</summary>
    public TileNodeSpec DramLevels(string headSteps, string? rowSteps, (string Tensor, string Tag, bool Output)[] tensors, MappingNodeSpec child)
    {
        ArgumentNullException.ThrowIfNull(tensors);
        var steps = rowSteps is null ? F(("H", headSteps)) : F(("H", headSteps), ("M", rowSteps));
        var x = F(("H", "H_DRAM_spatial_X"), ("M", "M_DRAM_spatial_X"));
        var y = F(("H", "H_DRAM_spatial_Y"), ("M", "M_DRAM_spatial_Y"));
        var spatial = new TileNodeSpec(true, Dimensions, [.. tensors.Select(t => E(t.Tensor, Dram, Gb, 8, t.Output, t.Tag, x, y))], Permutation, [child]);
        return new TileNodeSpec(false, Dimensions, [.. tensors.Select(t => E(t.Tensor, Dram, Gb, 8, t.Output, t.Tag, steps))], Permutation, [spatial]);
    }

    /// <summary>A core's GEMM: the two operands from the input and weight buffers, the result into the output buffer, one tile primitive (M_core × N_block × D, rows streamed).</summary>
    public TileNodeSpec GemmCore(string name, string[] tensors)
    {
        ArgumentNullException.ThrowIfNull(tensors);
        var g = Roles.Gemm.Name;
        var op = new OperationNodeSpec("GEMM", name, tensors, Tp("M_core", "N_block", "D"), "M", "M_core");
        return new TileNodeSpec(false, Dimensions, [E(tensors[0], Ib, g, 8, false, name, One()), E(tensors[1], Wb, g, 8, false, name, One()), E(tensors[2], Ob, g, 8, true, name, One())], Permutation, [op]);
    }

    /// <summary>The query rows' split over the cores of a cluster (X, then Y).</summary>
    public static IReadOnlyDictionary<string, string>[] Split() => [F(("M", "M_GB_spatial_X")), F(("M", "M_GB_spatial_Y"))];

    /// <summary>A tile primitive over (H, M, N, D) with one head.</summary>
    public static KeyValuePair<string, string>[] Tp(string m, string n, string d) => [new("H", "1"), new("M", m), new("N", n), new("D", d)];

    private TileNodeSpec Simd(string type, string name, string[] tensors, KeyValuePair<string, string>[] primitive, (string Dim, string Factor)? reduction = null)
    {
        var (dim, factor) = reduction ?? ("N", "1");
        var op = new OperationNodeSpec(type, name, tensors, primitive, dim, factor);
        return new TileNodeSpec(false, Dimensions, [.. tensors.Select((t, i) => E(t, Ob, Roles.Simd.Name, 16, i == tensors.Length - 1, name, One()))], Permutation, [op]);
    }

    private static Dictionary<string, string> N() => F(("N", "N_GB_temporal"));

    private static Dictionary<string, string> One() => F();

    private static TileEntrySpec E(string tensor, string target, string child, int precision, bool wb, string tag, params IReadOnlyDictionary<string, string>[] lines)
        => new(tensor, target, child, precision, wb, tag, lines);

    private static Dictionary<string, string> F(params (string Dim, string Value)[] values) => values.ToDictionary(v => v.Dim, v => v.Value, StringComparer.Ordinal);
}
