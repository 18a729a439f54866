using Comet.Hardware.Specs;
using Comet.Workloads.Inputs;

namespace Comet.Workloads.Analytical;

/// <summary>
/// The tool's "Total Cycles": over every spatial node, leaf and collective, (compulsory + optional stall) × parent iterations,
/// plus the leaf compute windows (reference-model §9). Also builds the per-unit table.
/// </summary>
internal static class CycleAccounting
{
    /// <summary>Total Cycles and the per-unit table of <paramref name="walk"/>, each node's stalls repeated <paramref name="parentIterations"/> times.</summary>
    public static CycleTotals Total(ArchitectureSpec arch, Mapping mapping, CostWalk walk, IReadOnlyDictionary<int, long> parentIterations)
    {
        var table = new SortedDictionary<string, (long? Cs, long? Os, long? Tmw)>(StringComparer.Ordinal);
        long total = 0;
        foreach (var node in mapping.Nodes)
        {
            if (node is not (DataMovementTileNode or CollectiveOperationNode) || !walk.LevelCost.TryGetValue(node.Index, out var groups))
            {
                continue;
            }

            var iterations = parentIterations.TryGetValue(node.Index, out var pi) ? pi : 1;
            foreach (var (_, levels) in groups)
            {
                long window = 0, csRead = 0, csWrite = 0, optional = 0;
                var key = string.Empty;
                foreach (var (level, pair) in levels)
                {
                    key += arch.Levels[level].Name + "-";
                    var mw = Math.Max(pair[0].ComputeTime, pair[1].ComputeTime);
                    csRead = Math.Max(csRead, pair[0].RampUp + pair[0].RampDown);
                    csWrite = Math.Max(csWrite, pair[1].RampUp + pair[1].RampDown);
                    optional = Math.Max(optional, pair[0].Cumulative);
                    optional = Math.Max(optional, pair[1].Cumulative);
                    window = Math.Max(window, mw);
                }

                var compulsory = csRead + csWrite;
                if (node is CollectiveOperationNode col)
                {
                    total += (compulsory + optional) * iterations;
                    var rowKey = $"{col.Kind.ToString().ToUpperInvariant()}-{col.Index}";
                    Add(table, rowKey, os: (compulsory + optional) * iterations);
                    continue;
                }

                var tile = (DataMovementTileNode)node;
                optional = Math.Max(0, walk.NodeCycles[node.Index] - csRead - csWrite - window);
                if (!(tile.IsSpatial || tile.IsLeaf))
                {
                    continue;
                }

                total += (compulsory + optional) * iterations;
                Add(table, key, cs: compulsory * iterations, os: optional); // the tool's table omits × iterations on OS
                if (tile.IsLeaf)
                {
                    total += window * iterations;
                    var op = (OperationNode)tile.Children[0];
                    var row = table.TryGetValue(op.OperationName, out var r) ? r : (null, null, null);
                    table[op.OperationName] = (row.Cs, row.Os, window * iterations);
                }
            }
        }

        return new CycleTotals(total, table.ToDictionary(p => p.Key, p => new UnitCycles(p.Value.Cs, p.Value.Os, p.Value.Tmw), StringComparer.Ordinal));
    }

    private static void Add(SortedDictionary<string, (long? Cs, long? Os, long? Tmw)> table, string key, long? cs = null, long? os = null)
    {
        var row = table.TryGetValue(key, out var r) ? r : (null, null, null);
        if (cs is not null)
        {
            row.Cs = (row.Cs ?? 0) + cs;
        }

        if (os is not null)
        {
            row.Os = (row.Os ?? 0) + os;
        }

        table[key] = row;
    }
}
