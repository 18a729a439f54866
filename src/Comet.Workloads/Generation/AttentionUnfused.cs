namespace Comet.Workloads.Generation;

/// <summary>The unfused self-attention baseline: 01-qk writes S = Q·Kᵀ to DRAM, 02-softmax reads S and writes P = softmax(S) over the keys, 03-pv reads P and V and writes Out = P·V; every step with its own mapping and factors.</summary>
/// <remarks>All three split heads (and query rows) over the clusters and query rows over the cores as the fused mapping does, and step over query-row blocks at DRAM when a head's rows do not fit the cluster buffer at once; the softmax keeps whole rows, so it needs no collective.</remarks>
public static class AttentionUnfused
{
    private static readonly string[] Hmn = ["H", "M", "N"];

    /// <summary>The three steps' problem and mapping texts; the template chooses their constants.</summary>
    /// <param name="tree">The fused tree's builder (its GEMM core and DRAM levels are shared).</param>
    /// <param name="shape">A description of the shape and preset for the files' header comments.</param>
    public static (string Problem, string Mapping)[] Steps(AttentionTree tree, string shape)
    {
        ArgumentNullException.ThrowIfNull(tree);
        return
        [
            GemmStep(tree, "QK", ("Q", ["H", "M", "D"]), ("K", ["H", "N", "D"]), ("S", Hmn), $"unfused attention, step 1: S = Q*K^T per head to DRAM, {shape}"),
            SoftmaxStep(tree, $"unfused attention, step 2: P = softmax of S over the keys N, S read from and P written to DRAM, {shape}"),
            GemmStep(tree, "PV", ("P", Hmn), ("V", ["H", "N", "D"]), ("Out", ["H", "M", "D"]), $"unfused attention, step 3: Out = P*V per head, P read from DRAM, {shape}"),
        ];
    }

    private static (string, string) GemmStep(AttentionTree tree, string name, (string Name, string[] Dims) a, (string Name, string[] Dims) b, (string Name, string[] Dims) c, string comment)
    {
        var problem = ProblemYamlWriter.Write(comment + " (written by comet generate)", AttentionTree.Dimensions, [new(name, [new(a.Name, a.Dims), new(b.Name, b.Dims), new(c.Name, c.Dims, true)])], c.Name);
        var roles = tree.Roles;
        var (gb, ib, wb, ob) = (roles.Cluster.Name, roles.Input.Name, roles.Weight.Name, roles.Output.Name);
        TileEntrySpec[] Entries(params IReadOnlyDictionary<string, string>[] lines) =>
            [new(a.Name, gb, ib, 8, false, name, lines), new(b.Name, gb, wb, 8, false, name, lines), new(c.Name, gb, ob, 8, true, name, lines)];
        var split = AttentionTree.Split();
        var cores = new TileNodeSpec(true, AttentionTree.Dimensions, Entries(split), AttentionTree.Permutation, [tree.GemmCore(name, [a.Name, b.Name, c.Name])]);
        var loop = new TileNodeSpec(false, AttentionTree.Dimensions, Entries(F(("M", "M_GB_temporal"), ("N", "N_GB_temporal"))), AttentionTree.Permutation, [cores]);
        var root = tree.DramLevels("H_DRAM_temporal", "M_DRAM_temporal", [(a.Name, name, false), (b.Name, name, false), (c.Name, name, true)], loop);
        return (problem, MappingYamlWriter.Write(root, comment + " (written by comet generate)"));
    }

    private static (string, string) SoftmaxStep(AttentionTree tree, string comment)
    {
        string[] hm = ["H", "M"];
        ProblemOperationSpec[] ops =
        [
            new("ROWMAX", [new("S", Hmn), new("Mx", hm, true)]),
            new("SUB", [new("S", Hmn), new("Mx", hm), new("E", Hmn, true)]),
            new("EXP1", [new("E", Hmn), new("F", Hmn, true)]),
            new("ROWSUM", [new("F", Hmn), new("Ls", hm, true)]),
            new("DIV", [new("F", Hmn), new("Ls", hm), new("P", Hmn, true)]),
        ];
        var problem = ProblemYamlWriter.Write(comment + " (written by comet generate)", Hmn, ops, "P");
        var roles = tree.Roles;
        var (dram, gb, ob, se) = (roles.Dram.Name, roles.Cluster.Name, roles.Output.Name, roles.Simd.Name);
        const string permutation = "NMH";
        KeyValuePair<string, string>[] primitive = [new("H", "1"), new("M", "M_core"), new("N", "N")];
        TileNodeSpec Simd(string type, string name, string[] tensors) => new(false, Hmn, [.. tensors.Select((t, i) => new TileEntrySpec(t, ob, se, 16, i == tensors.Length - 1, name, [F()]))], permutation,
            [new OperationNodeSpec(type, name, tensors, primitive, "N", "1")]);
        TileEntrySpec[] Entries(string target, string child, params IReadOnlyDictionary<string, string>[] lines) =>
            [new("S", target, child, 8, false, "ROWMAX", lines), new("P", target, child, 8, true, "DIV", lines)];
        MappingNodeSpec seq = BindingNodeSpec.Sequential;
        var cores = new TileNodeSpec(true, Hmn, Entries(gb, ob, F(("M", "M_GB_spatial_X")), F(("M", "M_GB_spatial_Y"))), permutation,
            [seq, Simd("rowmax", "ROWMAX", ["S", "Mx"]), seq, Simd("sub", "SUB", ["S", "Mx", "E"]), seq, Simd("exp", "EXP1", ["E", "F"]), seq, Simd("rowsum", "ROWSUM", ["F", "Ls"]), seq, Simd("div", "DIV", ["F", "Ls", "P"])]);
        var loop = new TileNodeSpec(false, Hmn, Entries(gb, ob, F(("M", "M_GB_temporal"))), permutation, [cores]);
        var spatial = new TileNodeSpec(true, Hmn, Entries(dram, gb, F(("H", "H_DRAM_spatial_X"), ("M", "M_DRAM_spatial_X")), F(("H", "H_DRAM_spatial_Y"), ("M", "M_DRAM_spatial_Y"))), permutation, [loop]);
        var root = new TileNodeSpec(false, Hmn, Entries(dram, gb, F(("H", "H_DRAM_temporal"), ("M", "M_DRAM_temporal"))), permutation, [spatial]);
        return (problem, MappingYamlWriter.Write(root, comment + " (written by comet generate)"));
    }

    private static Dictionary<string, string> F(params (string Dim, string Value)[] values) => values.ToDictionary(v => v.Dim, v => v.Value, StringComparer.Ordinal);
}
