using Comet.Workloads.Inputs;

namespace Comet.Workloads.Execution;

/// <summary>How a spatial node fans a tile out: its instance count, and its instances grouped by the distinct tile each receives (one group is a multicast, several a scatter).</summary>
public static class FanOutGroups
{
    /// <summary>Fan-out of spatial node <paramref name="spatial"/> and, for <paramref name="entry"/>, its instances grouped by distinct tile.</summary>
    public static (int[][] Groups, int FanOut) Of(int dims, DataMovementTileNode spatial, TileEntry entry, HashSet<int> proj)
    {
        var lines = spatial.Entries.Max(e => e.Factors.Count);
        var lineFactors = new long[lines][];
        for (var l = 0; l < lines; l++)
        {
            lineFactors[l] = new long[dims];
            Array.Fill(lineFactors[l], 1L);
            foreach (var e in spatial.Entries)
            {
                if (l < e.Factors.Count)
                {
                    foreach (var (d, f) in e.Factors[l])
                    {
                        lineFactors[l][d] = Math.Max(lineFactors[l][d], Math.Max(1, f));
                    }
                }
            }
        }

        var lineSize = lineFactors.Select(f => (int)f.Aggregate(1L, (a, b) => a * b)).ToArray();
        var fanOut = lineSize.Aggregate(1, (a, b) => a * b);
        var match = MappingTree.FindEntry(spatial, entry);
        var own = match >= 0 ? spatial.Entries[match] : null;
        var groups = new SortedDictionary<string, List<int>>(StringComparer.Ordinal);
        for (var j = 0; j < fanOut; j++)
        {
            var key = new System.Text.StringBuilder();
            var rest = j;
            for (var l = 0; l < lines; l++)
            {
                var c = rest % lineSize[l];
                rest /= lineSize[l];
                for (var d = 0; d < dims; d++)
                {
                    var coord = c % lineFactors[l][d];
                    c = (int)(c / lineFactors[l][d]);
                    if (own is null || !proj.Contains(d))
                    {
                        continue;
                    }

                    var f = l < own.Factors.Count ? Math.Max(1, own.Factors[l].GetValueOrDefault(d, 1)) : 1;
                    key.Append(coord * f / lineFactors[l][d]).Append(',');
                }
            }

            var k = key.ToString();
            if (!groups.TryGetValue(k, out var list))
            {
                list = [];
                groups[k] = list;
            }

            list.Add(j);
        }

        return (groups.Values.OrderBy(g => g[0]).Select(g => g.ToArray()).ToArray(), fanOut);
    }
}
