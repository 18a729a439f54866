using System.Globalization;
using System.Text;
using Comet.Hardware.Inputs;
using Comet.Workloads.Search;

namespace Comet.Reports.Search;

/// <summary>search.csv: one row per candidate in index order (its factors and orders, status, analytic cycles, energy, DRAM bytes; simulated figures and rank for the top k), and reading a shard's back.</summary>
public static class SearchCsv
{
    private const string Tail = "status,analytic_cycles,analytic_energy_pj,dram_bytes,simulated_cycles,simulated_energy_pj,top_rank";

    /// <summary>Writes the header line: <c>index</c>, the space's factors and orders, then the figures' columns.</summary>
    public static void WriteHeader(TextWriter writer, TilingSpace space)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(space);
        writer.Write("index,");
        writer.Write(string.Join(',', space.FactorNames.Concat(space.OrderNames)));
        writer.Write(space.FactorNames.Count + space.OrderNames.Count > 0 ? "," : string.Empty);
        writer.Write(Tail);
        writer.Write('\n');
    }

    /// <summary>Writes <paramref name="candidate"/>'s row with the simulated columns empty (they end the row as <c>,,</c>; <see cref="CopyWithSimulated"/> fills them for the top k).</summary>
    public static void WriteRow(TextWriter writer, CandidateCost candidate)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(candidate);
        writer.Write(Num(candidate.Tiling.Index));
        writer.Write(',');
        foreach (var f in candidate.Tiling.Factors)
        {
            writer.Write(Num(f));
            writer.Write(',');
        }

        foreach (var o in candidate.Tiling.Orders)
        {
            writer.Write(o);
            writer.Write(',');
        }

        writer.Write(Quote(candidate.Status));
        writer.Write(',');
        writer.Write(Num(candidate.Cycles));
        writer.Write(',');
        writer.Write(Num(candidate.EnergyPj));
        writer.Write(',');
        writer.Write(Num(candidate.DramBytes));
        writer.Write(",,,");
        writer.Write('\n');
    }

    /// <summary>Copies rows written by <see cref="WriteHeader"/> and <see cref="WriteRow"/> from <paramref name="rows"/> to <paramref name="output"/>, filling the simulated columns of the rows whose index <paramref name="simulated"/> holds (with their place after re-ranking).</summary>
    public static void CopyWithSimulated(TextReader rows, TextWriter output, IReadOnlyDictionary<long, (SimulatedFigures Figures, int Rank)> simulated)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(simulated);
        var first = true;
        foreach (var line in Lines(rows))
        {
            var comma = line.IndexOf(',', StringComparison.Ordinal);
            if (!first && comma > 0 && line.EndsWith(",,,", StringComparison.Ordinal)
                && long.TryParse(line.AsSpan(0, comma), NumberStyles.None, CultureInfo.InvariantCulture, out var index)
                && simulated.TryGetValue(index, out var s))
            {
                output.Write(line.AsSpan(0, line.Length - 2));
                output.Write(Num(s.Figures.Cycles));
                output.Write(',');
                output.Write(Num(s.Figures.EnergyPj));
                output.Write(',');
                output.Write(Num(s.Rank));
            }
            else
            {
                output.Write(line);
            }

            output.Write('\n');
            first = false;
        }
    }

    /// <summary>Reads a shard's search.csv back, row by row in file order, as candidates of <paramref name="space"/> (the factors are taken from the space by index and checked against the row).</summary>
    /// <exception cref="InputException">A row does not match the space or a figure does not parse.</exception>
    public static IEnumerable<CandidateCost> Read(string path, TilingSpace space)
    {
        ArgumentNullException.ThrowIfNull(space);
        var columns = space.FactorNames.Count + space.OrderNames.Count;
        var l = 0;
        foreach (var line in File.ReadLines(path))
        {
            if (l++ == 0)
            {
                continue;
            }

            var fields = Split(line);
            if (fields.Count != columns + 8)
            {
                throw new InputException(path, string.Empty, $"row has {fields.Count} fields, expected {columns + 8} (not a shard of this search?)", line: l);
            }

            var index = long.Parse(fields[0], CultureInfo.InvariantCulture);
            var tiling = space.At(index) ?? throw new InputException(path, string.Empty, $"index {fields[0]} is not a candidate of this search", line: l);
            var expected = tiling.Factors.Select(f => Num(f)).Concat(tiling.Orders);
            if (!expected.SequenceEqual(fields.Skip(1).Take(columns)))
            {
                throw new InputException(path, string.Empty, $"candidate {fields[0]}'s factors differ from this search's space", line: l);
            }

            var at = columns + 1;
            yield return new CandidateCost(
                tiling,
                fields[at],
                fields[at + 1].Length == 0 ? null : long.Parse(fields[at + 1], CultureInfo.InvariantCulture),
                fields[at + 2].Length == 0 ? null : double.Parse(fields[at + 2], CultureInfo.InvariantCulture),
                long.Parse(fields[at + 3], CultureInfo.InvariantCulture));
        }
    }

    // Lines split at '\n' only, so a copy keeps every other character as it was.
    private static IEnumerable<string> Lines(TextReader reader)
    {
        var line = new StringBuilder();
        var buffer = new char[1 << 16];
        int read;
        while ((read = reader.Read(buffer, 0, buffer.Length)) > 0)
        {
            var start = 0;
            for (var i = 0; i < read; i++)
            {
                if (buffer[i] == '\n')
                {
                    line.Append(buffer, start, i - start);
                    yield return line.ToString();
                    line.Clear();
                    start = i + 1;
                }
            }

            line.Append(buffer, start, read - start);
        }

        if (line.Length > 0)
        {
            yield return line.ToString();
        }
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
