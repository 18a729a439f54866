namespace Comet.Workloads.Generation;

/// <summary>The fused GEMM-Softmax mapping tree as the authors decompose it: GEMM, ROWMAX, all-reduce(max) across clusters, SUB and EXP, ROWSUM, all-reduce(add), DIV.</summary>
/// <remarks>
/// Factors are constant names (the authors' own, so their const.yaml files apply unchanged); the template's const.yaml
/// holds the values. With <paramref name="AuthorsOrder"/> the add all-reduce sits where the authors' shipped mapping
/// has it (on the exponentials F, before ROWSUM, with ROWSUM and DIV under one node); otherwise it reduces the row sums
/// G between ROWSUM and DIV, as the decomposition says. Without a cluster split there are no collectives.
/// </remarks>
/// <param name="Roles">The preset's levels.</param>
/// <param name="Collectives">True when N is split across clusters, so row statistics need all-reduces.</param>
/// <param name="AuthorsOrder">True for the authors' placement of the add all-reduce.</param>
public sealed record GemmSoftmaxTree(MachineRoles Roles, bool Collectives, bool AuthorsOrder)
{
    /// <summary>The problem's dimensions in factor-line order.</summary>
    public static IReadOnlyList<string> Dimensions { get; } = ["M", "N", "K"];

    /// <summary>The constant naming the cluster loop's order when <see cref="OrderConstants"/> is set.</summary>
    public const string ClusterOrder = "order_GB";

    /// <summary>The constant naming the core loop's order when <see cref="OrderConstants"/> is set.</summary>
    public const string CoreOrder = "order_Core";

    /// <summary>Whether the cluster and core loops' orders are constants (<see cref="ClusterOrder"/>, <see cref="CoreOrder"/>) for a search to set, instead of the authors' fixed orders.</summary>
    public bool OrderConstants { get; init; }

    private string Dram => Roles.Dram.Name;

    private string Gb => Roles.Cluster.Name;

    private string Ob => Roles.Output.Name;

    private string Se => Roles.Simd.Name;

    /// <summary>The whole tree, rooted at the DRAM temporal loop over M.</summary>
    public TileNodeSpec Build()
    {
        TileEntrySpec[] io = [E("A", Dram, Gb, 8, false, "GEMM"), E("B", Dram, Gb, 8, false, "GEMM"), E("H", Dram, Gb, 8, true, "DIV")];
        var gbLoop = new TileNodeSpec(false, Dimensions, GbEntries(), OrderConstants ? ClusterOrder : "KNM", ClusterSteps());
        var spatial = new TileNodeSpec(true, Dimensions, [.. io.Select(e => e with { Factors = [F(("N", "N_DRAM_spatial_X")), F(("N", "N_DRAM_spatial_Y"))] })], "KNM", [gbLoop]);
        var root = new TileNodeSpec(false, Dimensions, [.. io.Select(e => e with { Factors = [F(("M", e.Tensor == "H" ? "M_H_DRAM_temporal" : "M_A_DRAM_temporal"))] })], "KNM", [spatial]);
        return root;
    }

    private TileEntrySpec[] GbEntries()
    {
        (string Tensor, string Child, string Tag, string M, bool Wb)[] rows =
        [
            ("A", Roles.Input.Name, "GEMM", "M_A_GB_temporal", false), ("B", Roles.Weight.Name, "GEMM", "M_D_GB_temporal", false),
            ("D", Ob, "ROWMAX", "M_A_GB_temporal", false), ("D", Ob, "SUB", "M_D_GB_temporal", false), ("F", Ob, "EXP1", "M_F_GB_temporal", false),
            (AuthorsOrder ? "F" : "G", Ob, "ROWSUM", "M_F_GB_temporal", false), ("H", Ob, "DIV", "M_H_GB_temporal", true),
        ];
        return [.. rows.Select(r => E(r.Tensor, Gb, r.Child, 8, r.Wb, r.Tag, F(("M", r.M), ("N", "N_A_GB_temporal"), ("K", "K_A_GB_temporal"))))];
    }

    private List<MappingNodeSpec> ClusterSteps()
    {
        var steps = new List<MappingNodeSpec> { BindingNodeSpec.Sequential, Gemm(), BindingNodeSpec.Sequential, CoreSpatial([("D", true, "ROWMAX")], "MKN", Simd("rowmax", "ROWMAX", ["C", "D"])) };
        if (Collectives)
        {
            steps.AddRange([BindingNodeSpec.Sequential, new CollectiveNodeSpec("colop1", Gb, "allreduce", "max", "N", "D", 16)]);
        }

        steps.AddRange([BindingNodeSpec.Sequential, CoreSpatial([("D", false, "SUB"), ("F", true, "EXP1")], "KNM", BindingNodeSpec.Sequential, Simd("add", "SUB", ["C", "D", "E"]), Simd("exp", "EXP1", ["E", "F"]))]);
        var rowsum = Simd("rowsum", "ROWSUM", ["F", "G"]);
        var div = Simd("div", "DIV", ["F", "G", "H"]);
        if (AuthorsOrder)
        {
            // The shipped mapping has no binding between this all-reduce and the next node.
            steps.Add(BindingNodeSpec.Sequential);
            AddCollective(steps, "F", binding: false);
            steps.Add(CoreSpatial([("F", false, "ROWSUM"), ("H", true, "DIV")], "MKN", BindingNodeSpec.Sequential, rowsum, div));
        }
        else
        {
            steps.AddRange([BindingNodeSpec.Sequential, CoreSpatial([("G", true, "ROWSUM")], "MKN", rowsum), BindingNodeSpec.Sequential]);
            AddCollective(steps, "G", binding: true);
            steps.Add(CoreSpatial([("G", false, "DIV"), ("H", true, "DIV")], "MKN", div));
        }

        return steps;
    }

    private void AddCollective(List<MappingNodeSpec> steps, string tensor, bool binding)
    {
        if (Collectives)
        {
            steps.Add(new CollectiveNodeSpec("colop2", Gb, "allreduce", "add", "N", tensor, 16));
            if (binding)
            {
                steps.Add(BindingNodeSpec.Sequential);
            }
        }
    }

    private TileNodeSpec Gemm()
    {
        var op = new OperationNodeSpec("GEMM", "GEMM", ["A", "B", "C"], [new("M", "M_Compute"), new("N", "N_Compute"), new("K", "K_Compute")], "red_dim", "red_factor");
        var core = F(("M", "M_Core_temporal"), ("N", "N_Core_temporal"), ("K", "K_Core_temporal"));
        var g = Roles.Gemm.Name;
        var coreLoop = new TileNodeSpec(false, Dimensions, [E("A", Roles.Input.Name, g, 8, false, "GEMM", core), E("B", Roles.Weight.Name, g, 8, false, "GEMM", core), E("C", Ob, g, 8, true, "GEMM", core)], OrderConstants ? CoreOrder : "MKN", [op]);
        var x = F(("N", "N_GB_spatial_X"));
        var y = F(("N", "N_GB_spatial_Y"));
        return new TileNodeSpec(true, Dimensions, [E("A", Gb, Roles.Input.Name, 8, false, "GEMM", x, y), E("B", Gb, Roles.Weight.Name, 8, false, "GEMM", x, y), E("C", Gb, Ob, 8, false, "GEMM", x, y)], "KNM", [coreLoop]);
    }

    private TileNodeSpec CoreSpatial((string Tensor, bool Wb, string Tag)[] entries, string permutation, params MappingNodeSpec[] subtree)
    {
        var x = F(("N", "N_GB_spatial_X"));
        var y = F(("N", "N_GB_spatial_Y"));
        return new TileNodeSpec(true, Dimensions, [.. entries.Select(e => E(e.Tensor, Gb, Ob, 16, e.Wb, e.Tag, x, y))], permutation, subtree);
    }

    private TileNodeSpec Simd(string type, string name, string[] tensors)
    {
        var se = F(("M", "M_SE"), ("N", "N_SE"), ("K", "K_SE"));
        var op = new OperationNodeSpec(type, name, tensors, [new("M", "M_SM"), new("N", "N_SM"), new("K", "K_SM")], "red_dim_simd", "red_dim_simd_val");
        return new TileNodeSpec(false, Dimensions, [.. tensors.Select((t, i) => E(t, Ob, Se, 16, i == tensors.Length - 1, name, se))], "MKN", [op]);
    }

    private static TileEntrySpec E(string tensor, string target, string child, int precision, bool wb, string tag, params IReadOnlyDictionary<string, string>[] lines)
        => new(tensor, target, child, precision, wb, tag, lines);

    private static Dictionary<string, string> F(params (string Dim, string Value)[] values) => values.ToDictionary(v => v.Dim, v => v.Value, StringComparer.Ordinal);
}
