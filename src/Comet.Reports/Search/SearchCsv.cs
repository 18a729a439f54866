using System.Globalization;
using System.Text;
using Comet.Hardware.Inputs;
using Comet.Workloads.Search;

namespace Comet.Reports.Search;

/// <summary>search.csv: one row per candidate in index order (its factors and orders, status, analytic cycles, energy, DRAM bytes; simulated figures and rank for the top k), and reading a shard's back.</summary>
public static class SearchCsv
{
    private const string Tail = "status,analytic_cycles,analytic_energy_pj,dram_bytes,simulated_cycles,simulated_energy_pj,top_rank";

    /// <summary>The file's text; <paramref name="simulated"/> holds the top candidates by index with their place after re-ranking.</summary>
    public static string Write(TilingSpace space, IReadOnlyList<CandidateCost> candidates, IReadOnlyDictionary<long, (SimulatedFigures Figures, int Rank)> simulated)
    {
        ArgumentNullException.ThrowIfNull(space);
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentNullException.ThrowIfNull(simulated);
        var text = new StringBuilder();
        text.Append("index,").AppendJoin(',', space.FactorNames.Concat(space.OrderNames)).Append(space.FactorNames.Count + space.OrderNames.Count > 0 ? "," : string.Empty).Append(Tail).Append('\n');
        foreach (var c in candidates)
        {
            text.Append(Num(c.Tiling.Index)).Append(',');
            foreach (var f in c.Tiling.Factors)
            {
                text.Append(Num(f)).Append(',');
            }

            foreach (var o in c.Tiling.Orders)
            {
                text.Append(o).Append(',');
            }

            text.Append(Quote(c.Status)).Append(',').Append(Num(c.Cycles)).Append(',').Append(Num(c.EnergyPj)).Append(',').Append(Num(c.DramBytes)).Append(',');
            if (simulated.TryGetValue(c.Tiling.Index, out var s))
            {
                text.Append(Num(s.Figures.Cycles)).Append(',').Append(Num(s.Figures.EnergyPj)).Append(',').Append(Num(s.Rank));
            }
            else
            {
                text.Append(",,");
            }

            text.Append('\n');
        }

        return text.ToString();
    }

    /// <summary>Reads a shard's search.csv back as candidates of <paramref name="space"/> (the factors are taken from the space by index and checked against the row).</summary>
    /// <exception cref="InputException">A row does not match the space or a figure does not parse.</exception>
    public static List<CandidateCost> Read(string path, TilingSpace space)
    {
        ArgumentNullException.ThrowIfNull(space);
        var lines = File.ReadAllLines(path);
        var result = new List<CandidateCost>(Math.Max(0, lines.Length - 1));
        var columns = space.FactorNames.Count + space.OrderNames.Count;
        for (var l = 1; l < lines.Length; l++)
        {
            var fields = Split(lines[l]);
            if (fields.Count != columns + 8)
            {
                throw new InputException(path, string.Empty, $"row has {fields.Count} fields, expected {columns + 8} (not a shard of this search?)", line: l + 1);
            }

            var index = long.Parse(fields[0], CultureInfo.InvariantCulture);
            var tiling = space.At(index) ?? throw new InputException(path, string.Empty, $"index {fields[0]} is not a candidate of this search", line: l + 1);
            var expected = tiling.Factors.Select(f => Num(f)).Concat(tiling.Orders);
            if (!expected.SequenceEqual(fields.Skip(1).Take(columns)))
            {
                throw new InputException(path, string.Empty, $"candidate {fields[0]}'s factors differ from this search's space", line: l + 1);
            }

            var at = columns + 1;
            result.Add(new CandidateCost(
                tiling,
                fields[at],
                fields[at + 1].Length == 0 ? null : long.Parse(fields[at + 1], CultureInfo.InvariantCulture),
                fields[at + 2].Length == 0 ? null : double.Parse(fields[at + 2], CultureInfo.InvariantCulture),
                long.Parse(fields[at + 3], CultureInfo.InvariantCulture)));
        }

        return result;
    }

    private static string Num(long? value) => value?.ToString(CultureInfo.InvariantCulture) ?? string.Empty;

    private static string Num(double? value) => value?.ToString("R", CultureInfo.InvariantCulture) ?? string.Empty;

    private static string Quote(string text) => text.Contains(',', StringComparison.Ordinal) || text.Contains('"', StringComparison.Ordinal) ? $"\"{text.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : text;

    private static List<string> Split(string line)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else
            {
                field.Append(c);
            }
        }

        fields.Add(field.ToString());
        return fields;
    }
}
