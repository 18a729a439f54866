namespace Comet.Workloads.Generation;

/// <summary>The fused GEMM-LayerNorm mapping tree: the GEMM, then per cluster step the two-pass LayerNorm with an all-reduce(add) of each row statistic across the clusters.</summary>
/// <remarks>
/// The shape follows the authors' GEMM-Softmax tree (docs/generate.md): DRAM loop over M, N split across the clusters,
/// a cluster loop over M holding every operation's tensors, and in it, separated by sequential bindings: the GEMM (N
/// split across the cores), ROWSUM1 draining the row sums S, the all-reduce of S, MEAN/SUB1/SQUARE/ROWSUM2 draining
/// the squared-deviation sums Q, the all-reduce of Q, then VAR/ADDEPS/SQRT/SUB2/NORM/SCALE/SHIFT writing O. C stays in
/// the output buffers. Without a cluster split there are no collectives.
/// </remarks>
/// <param name="Roles">The preset's levels.</param>
/// <param name="Collectives">True when N is split across clusters, so the row statistics need all-reduces.</param>
public sealed record GemmLayerNormTree(MachineRoles Roles, bool Collectives)
{
    /// <summary>The problem's dimensions in factor-line order.</summary>
    public static IReadOnlyList<string> Dimensions { get; } = ["M", "N", "K"];

    /// <summary>Whether the cluster loop also steps over N and K (<c>N_GB_temporal</c>, <c>K_GB_temporal</c>) and the cluster and core loops' orders are constants (GEMM-Softmax's <see cref="GemmSoftmaxTree.ClusterOrder"/> and <see cref="GemmSoftmaxTree.CoreOrder"/>) for the wide search to set.</summary>
    public bool Wide { get; init; }

    private string Gb => Roles.Cluster.Name;

    private string Ob => Roles.Output.Name;

    /// <summary>The whole tree, rooted at the DRAM temporal loop over M.</summary>
    public TileNodeSpec Build()
    {
        (string Tensor, string Tag)[] io = [("A", "GEMM"), ("B", "GEMM"), ("EPS", "ADDEPS"), ("GAMMA", "SCALE"), ("BETA", "SHIFT"), ("O", "SHIFT")];
        var dram = Roles.Dram.Name;
        TileEntrySpec Io((string Tensor, string Tag) t, params IReadOnlyDictionary<string, string>[] lines)
            => new(t.Tensor, dram, Gb, GemmLayerNormProblem.Precision(t.Tensor), t.Tensor == "O", t.Tag, lines);
        var gbLoop = new TileNodeSpec(false, Dimensions, ClusterEntries(), Wide ? GemmSoftmaxTree.ClusterOrder : "KNM", ClusterSteps());
        var spatial = new TileNodeSpec(true, Dimensions, [.. io.Select(t => Io(t, F(("N", "N_DRAM_spatial_X")), F(("N", "N_DRAM_spatial_Y"))))], "KNM", [gbLoop]);
        return new TileNodeSpec(false, Dimensions, [.. io.Select(t => Io(t, F(("M", "M_DRAM_temporal"))))], "KNM", [spatial]);
    }

    private TileEntrySpec[] ClusterEntries()
    {
        (string Tensor, string Tag)[] rows =
        [
            ("A", "GEMM"), ("B", "GEMM"), ("S", "ROWSUM1"), ("S", "MEAN"), ("Q", "ROWSUM2"), ("Q", "VAR"),
            ("EPS", "ADDEPS"), ("GAMMA", "SCALE"), ("BETA", "SHIFT"), ("O", "SHIFT"),
        ];
        string Child(string t) => t switch { "A" => Roles.Input.Name, "B" => Roles.Weight.Name, _ => Ob };
        var steps = Wide ? F(("M", "M_GB_temporal"), ("N", "N_GB_temporal"), ("K", "K_GB_temporal")) : F(("M", "M_GB_temporal"));
        return [.. rows.Select(r => new TileEntrySpec(r.Tensor, Gb, Child(r.Tensor), GemmLayerNormProblem.Precision(r.Tensor), r.Tensor == "O", r.Tag, [steps]))];
    }

    private List<MappingNodeSpec> ClusterSteps()
    {
        MappingNodeSpec seq = BindingNodeSpec.Sequential;
        var steps = new List<MappingNodeSpec>
        {
            seq, Gemm(),
            seq, CoreSpatial([("S", true, "ROWSUM1")], Leaf("ROWSUM1")),
        };
        AddAllReduce(steps, "colop1", "S");
        steps.AddRange([seq, CoreSpatial([("S", false, "MEAN"), ("Q", true, "ROWSUM2")], Chain("MEAN", "SUB1", "SQUARE", "ROWSUM2"))]);
        AddAllReduce(steps, "colop2", "Q");
        steps.AddRange([seq, CoreSpatial(
            [("Q", false, "VAR"), ("EPS", false, "ADDEPS"), ("GAMMA", false, "SCALE"), ("BETA", false, "SHIFT"), ("O", true, "SHIFT")],
            Chain("VAR", "ADDEPS", "SQRT", "SUB2", "NORM", "SCALE", "SHIFT"))]);
        return steps;
    }

    private void AddAllReduce(List<MappingNodeSpec> steps, string tag, string tensor)
    {
        if (Collectives)
        {
            steps.AddRange([BindingNodeSpec.Sequential, new CollectiveNodeSpec(tag, Gb, "allreduce", "add", "N", tensor, 16)]);
        }
    }

    private TileNodeSpec Gemm()
    {
        var op = new OperationNodeSpec("GEMM", "GEMM", ["A", "B", "C"], [new("M", "M_Compute"), new("N", "N_Compute"), new("K", "K_Compute")], "red_dim", "red_factor");
        var core = F(("M", "M_Core_temporal"), ("N", "N_Core_temporal"), ("K", "K_Core_temporal"));
        var g = Roles.Gemm.Name;
        var coreLoop = new TileNodeSpec(false, Dimensions, [E("A", Roles.Input.Name, g, false, "GEMM", core), E("B", Roles.Weight.Name, g, false, "GEMM", core), E("C", Ob, g, true, "GEMM", core)], Wide ? GemmSoftmaxTree.CoreOrder : "MKN", [op]);
        var x = F(("N", "N_GB_spatial_X"));
        var y = F(("N", "N_GB_spatial_Y"));
        return new TileNodeSpec(true, Dimensions, [E("A", Gb, Roles.Input.Name, false, "GEMM", x, y), E("B", Gb, Roles.Weight.Name, false, "GEMM", x, y), E("C", Gb, Ob, false, "GEMM", x, y)], "KNM", [coreLoop]);
    }

    private TileNodeSpec CoreSpatial((string Tensor, bool Wb, string Tag)[] entries, IReadOnlyList<MappingNodeSpec> subtree)
    {
        var x = F(("N", "N_GB_spatial_X"));
        var y = F(("N", "N_GB_spatial_Y"));
        return new TileNodeSpec(true, Dimensions, [.. entries.Select(e => E(e.Tensor, Gb, Ob, e.Wb, e.Tag, x, y))], "KNM", subtree);
    }

    private List<MappingNodeSpec> Chain(params string[] operations)
    {
        var nodes = new List<MappingNodeSpec>();
        foreach (var op in operations)
        {
            nodes.Add(BindingNodeSpec.Sequential);
            nodes.Add(SimdLeaf(op));
        }

        return nodes;
    }

    private List<MappingNodeSpec> Leaf(string operation) => [SimdLeaf(operation)];

    private TileNodeSpec SimdLeaf(string name)
    {
        var (type, tensors) = GemmLayerNormProblem.Simd(name);
        var se = F(("M", "M_SE"), ("N", "N_SE"), ("K", "K_SE"));
        var op = new OperationNodeSpec(type, name, tensors, [new("M", "M_SM"), new("N", "N_SM"), new("K", "K_SM")], "red_dim_simd", "red_dim_simd_val");
        return new TileNodeSpec(false, Dimensions, [.. tensors.Select((t, i) => E(t, Ob, Roles.Simd.Name, i == tensors.Count - 1, name, se))], "MKN", [op]);
    }

    private static TileEntrySpec E(string tensor, string target, string child, bool wb, string tag, params IReadOnlyDictionary<string, string>[] lines)
        => new(tensor, target, child, GemmLayerNormProblem.Precision(tensor), wb, tag, lines);

    private static Dictionary<string, string> F(params (string Dim, string Value)[] values) => values.ToDictionary(v => v.Dim, v => v.Value, StringComparer.Ordinal);
}
