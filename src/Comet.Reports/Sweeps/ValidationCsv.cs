using System.Globalization;
using System.Text;
using Comet.Hardware.Inputs;

namespace Comet.Reports.Sweeps;

/// <summary>Writes the sweep's CSV files: validation.csv, validation_levels.csv and validation_families.csv (a header on each, invariant numbers, no timestamps).</summary>
public static class ValidationCsv
{
    /// <summary>The header of validation.csv.</summary>
    public const string CasesHeader = "case,family,analytic_total_cycles,analytic_root_cycles,simulated_cycles,error_vs_total_pct,error_vs_root_pct,analytic_energy_pj,simulated_energy_pj,energy_error_pct,events,status";

    /// <summary>The header of validation_levels.csv.</summary>
    public const string LevelsHeader = "case,kind,name,detail,analytic_cycles,simulated_cycles,cycles_error_pct,analytic_energy_pj,simulated_energy_pj,energy_error_pct";

    /// <summary>The header of validation_families.csv.</summary>
    public const string FamiliesHeader = "family,cases,compared,mean_error_pct,mean_abs_error_pct,median_abs_error_pct,min_error_pct,max_error_pct,within_10_pct,mean_abs_error_vs_root_pct";

    /// <summary>The text of validation.csv: one row per case.</summary>
    public static string Cases(IReadOnlyList<ValidationCaseResult> results)
    {
        var sb = new StringBuilder(CasesHeader).Append('\n');
        foreach (var r in results)
        {
            Row(sb, r.Case.Name, r.Case.Family, N(r.AnalyticTotalCycles), N(r.AnalyticRootCycles), N(r.SimulatedCycles), N(r.ErrorVsTotalPct), N(r.ErrorVsRootPct),
                N(r.AnalyticEnergyPj), N(r.SimulatedEnergyPj), N(r.EnergyErrorPct), N(r.Events), r.Status);
        }

        return sb.ToString();
    }

    /// <summary>The text of validation_levels.csv: one row per case × node, collective and level.</summary>
    public static string Levels(IReadOnlyList<ValidationCaseResult> results)
    {
        var sb = new StringBuilder(LevelsHeader).Append('\n');
        foreach (var l in results.SelectMany(r => r.Levels))
        {
            Row(sb, l.Case, l.Kind, l.Name, l.Detail, l.AnalyticCycles, l.SimulatedCycles, l.CyclesErrorPct, l.AnalyticEnergyPj, l.SimulatedEnergyPj, l.EnergyErrorPct);
        }

        return sb.ToString();
    }

    /// <summary>The text of validation_families.csv: the error distribution per family and over all cases.</summary>
    public static string Families(IReadOnlyList<ValidationFamilyStatistics> families)
    {
        var sb = new StringBuilder(FamiliesHeader).Append('\n');
        foreach (var f in families)
        {
            Row(sb, f.Family, N(f.Cases), N(f.Compared), N(f.MeanErrorPct), N(f.MeanAbsErrorPct), N(f.MedianAbsErrorPct), N(f.MinErrorPct), N(f.MaxErrorPct), N(f.WithinTenPct), N(f.MeanAbsErrorVsRootPct));
        }

        return sb.ToString();
    }

    /// <summary>Reads the case, simulated_cycles, events and status columns of a validation.csv, by case name.</summary>
    /// <exception cref="InputException">The file is missing or is not a validation.csv.</exception>
    public static IReadOnlyDictionary<string, ValidationCsvRow> ReadCases(string path)
    {
        if (!File.Exists(path))
        {
            throw new InputException(path, string.Empty, Directory.Exists(path) ? "is a folder, not a file (give the validation.csv of an earlier sweep)" : "the validation.csv does not exist");
        }

        var lines = File.ReadAllLines(path);
        var header = lines.Length == 0 ? [] : Cells(lines[0]);
        var columns = new[] { "case", "simulated_cycles", "events", "status" }.Select(c => header.IndexOf(c)).ToArray();
        if (columns.Any(c => c < 0))
        {
            throw new InputException(path, string.Empty, "not a validation.csv (expected the header " + CasesHeader + ")", line: 1);
        }

        var familyColumn = header.IndexOf("family");
        var rows = new Dictionary<string, ValidationCsvRow>(StringComparer.Ordinal);
        foreach (var line in lines.Skip(1).Where(l => l.Length > 0))
        {
            var cells = Cells(line);
            string Cell(int k) => columns[k] < cells.Count ? cells[columns[k]] : string.Empty;
            var family = familyColumn >= 0 && familyColumn < cells.Count ? cells[familyColumn] : string.Empty;
            rows[Cell(0)] = new ValidationCsvRow(Cell(0), Long(Cell(1)), Long(Cell(2)), Cell(3), family);
        }

        return rows;
    }

    /// <summary>A number in invariant, round-trip form; empty for null.</summary>
    public static string N(double? value) => value is { } v ? v.ToString("R", CultureInfo.InvariantCulture) : string.Empty;

    /// <summary>An integer in invariant form; empty for null.</summary>
    public static string N(long? value) => value is { } v ? v.ToString(CultureInfo.InvariantCulture) : string.Empty;

    /// <summary>A CSV cell: quoted (with doubled quotes) when it holds a comma, quote or line break.</summary>
    public static string Escape(string cell) =>
        cell.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + cell.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : cell;

    /// <summary>Splits one CSV line written by <see cref="Escape"/>: quoted cells may hold commas and doubled quotes.</summary>
    public static List<string> Cells(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var cells = new List<string>();
        var cell = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var ch = line[i];
            if (quoted && ch == '"' && i + 1 < line.Length && line[i + 1] == '"')
            {
                cell.Append('"');
                i++;
            }
            else if (ch == '"')
            {
                quoted = !quoted;
            }
            else if (ch == ',' && !quoted)
            {
                cells.Add(cell.ToString());
                cell.Clear();
            }
            else
            {
                cell.Append(ch);
            }
        }

        cells.Add(cell.ToString());
        return cells;
    }

    private static long? Long(string? cell) =>
        long.TryParse(cell, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : null;

    internal static void Row(StringBuilder sb, params string[] cells)
    {
        sb.AppendJoin(',', cells.Select(Escape)).Append('\n');
    }
}
