namespace Comet.Workloads.Generation;

/// <summary>
/// The row operation of an unfused sequence (softmax, LayerNorm) with its columns, not its rows, split over the clusters
/// and cores: the layout an unfused kernel needs when M does not divide over the machine (a decode-like 1×N row). Each
/// core works on its N slice of every row; the row statistics are reduced within a cluster by the cores' write-back
/// into the cluster buffer and across clusters by an all-reduce(<c>max</c> or <c>add</c>), as in the fused trees. C is
/// read from DRAM once into the output buffers, where it stays for every operation that reads it.
/// </summary>
public static class ColumnSplitRowStep
{
    private static readonly string[] Mn = ["M", "N"];

    /// <summary>The mapping tree of the step: DRAM loop over M, N over the clusters, cluster loop over M, then per group its core split over N and the all-reduce after it.</summary>
    /// <param name="roles">The preset's levels.</param>
    /// <param name="io">The tensors moved between DRAM and the cluster buffer (the read C first, the written output last) with the operation each belongs to.</param>
    /// <param name="groups">The operations between two all-reduces, in run order.</param>
    /// <param name="precision">Bits per element of a tensor in an entry from DRAM (true) or below the cluster buffer (false).</param>
    /// <param name="collectives">True when N is split over more than one cluster, so the row statistics need all-reduces.</param>
    public static TileNodeSpec Tree(MachineRoles roles, IReadOnlyList<(string Tensor, string Tag)> io, IReadOnlyList<RowStepGroup> groups, Func<string, bool, int> precision, bool collectives)
    {
        ArgumentNullException.ThrowIfNull(roles);
        ArgumentNullException.ThrowIfNull(io);
        ArgumentNullException.ThrowIfNull(groups);
        ArgumentNullException.ThrowIfNull(precision);
        var (dram, gb, ob, se) = (roles.Dram.Name, roles.Cluster.Name, roles.Output.Name, roles.Simd.Name);
        var output = io[^1].Tensor;
        TileEntrySpec Entry(string tensor, string target, string child, bool wb, string tag, params IReadOnlyDictionary<string, string>[] lines)
            => new(tensor, target, child, precision(tensor, target == dram), wb, tag, lines);

        var steps = new List<MappingNodeSpec>();
        foreach (var group in groups)
        {
            var leaves = new List<MappingNodeSpec>();
            foreach (var (type, name, tensors) in group.Operations)
            {
                var op = new OperationNodeSpec(type, name, tensors, [new("M", "M_SM"), new("N", "N_SM")], "N", "1");
                leaves.Add(BindingNodeSpec.Sequential);
                leaves.Add(new TileNodeSpec(false, Mn, [.. tensors.Select((t, i) => Entry(t, ob, se, i == tensors.Count - 1, name, F(("M", "M_SE"), ("N", "N_SE"))))], "MN", [op]));
            }

            var (x, y) = (F(("N", "N_GB_spatial_X")), F(("N", "N_GB_spatial_Y")));
            steps.Add(BindingNodeSpec.Sequential);
            steps.Add(new TileNodeSpec(true, Mn, [.. group.Entries.Select(e => Entry(e.Tensor, gb, ob, e.WriteBack, e.Tag, x, y))], "NM", leaves));
            if (group.AllReduce is { } reduce && collectives)
            {
                steps.Add(BindingNodeSpec.Sequential);
                steps.Add(new CollectiveNodeSpec(reduce.Tag, gb, "allreduce", reduce.Operation, "N", reduce.Tensor, 16));
            }
        }

        var clusterEntries = groups.SelectMany(g => g.Entries).Select(e => Entry(e.Tensor, gb, ob, e.Tensor == output, e.Tag, F(("M", "M_GB_temporal"))));
        var gbLoop = new TileNodeSpec(false, Mn, [.. clusterEntries], "NM", steps);
        var spatial = new TileNodeSpec(true, Mn, [.. io.Select(t => Entry(t.Tensor, dram, gb, t.Tensor == output, t.Tag, F(("N", "N_DRAM_spatial_X")), F(("N", "N_DRAM_spatial_Y"))))], "NM", [gbLoop]);
        return new TileNodeSpec(false, Mn, [.. io.Select(t => Entry(t.Tensor, dram, gb, t.Tensor == output, t.Tag, F(("M", "M_DRAM_temporal"))))], "NM", [spatial]);
    }

    /// <summary>The step's constants: N over the meshes, <paramref name="rowTile"/> rows per cluster-loop step and <paramref name="dramSteps"/> DRAM steps, the SIMD tiles filling the lanes (N first).</summary>
    public static List<(string Name, object Value)> Constants(long m, long n, MeshSplit clusters, MeshSplit cores, long lanes, long rowTile, long dramSteps)
    {
        ArgumentNullException.ThrowIfNull(clusters);
        ArgumentNullException.ThrowIfNull(cores);
        var perCore = TileFactorRule.PerCore("N", n, clusters, cores);
        var simdN = TileFactorRule.LargestDivisorAtMost(perCore, lanes);
        var simdM = TileFactorRule.LargestDivisorAtMost(rowTile, lanes / simdN);
        return
        [
            ("M", m), ("N", n), ("M_DRAM_temporal", dramSteps), ("N_DRAM_spatial_X", clusters.X), ("N_DRAM_spatial_Y", clusters.Y),
            ("M_GB_temporal", m / (rowTile * dramSteps)), ("N_GB_spatial_X", cores.X), ("N_GB_spatial_Y", cores.Y),
            ("M_SE", rowTile / simdM), ("N_SE", perCore / simdN), ("M_SM", simdM), ("N_SM", simdN),
        ];
    }

    /// <summary>Whether the row step splits columns: M does not divide over the clusters and cores, so rows cannot be spread.</summary>
    public static bool Needed(long m, MeshSplit clusters, MeshSplit cores)
    {
        ArgumentNullException.ThrowIfNull(clusters);
        ArgumentNullException.ThrowIfNull(cores);
        return m % (clusters.Ways * cores.Ways) != 0;
    }

    private static Dictionary<string, string> F(params (string Dim, string Value)[] values) => values.ToDictionary(v => v.Dim, v => v.Value, StringComparer.Ordinal);
}
