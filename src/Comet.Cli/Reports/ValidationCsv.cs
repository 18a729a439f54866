using System.Globalization;
using System.Text;

namespace Comet.Cli.Reports;

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

    /// <summary>A number in invariant, round-trip form; empty for null.</summary>
    public static string N(double? value) => value is { } v ? v.ToString("R", CultureInfo.InvariantCulture) : string.Empty;

    /// <summary>An integer in invariant form; empty for null.</summary>
    public static string N(long? value) => value is { } v ? v.ToString(CultureInfo.InvariantCulture) : string.Empty;

    /// <summary>A CSV cell: quoted (with doubled quotes) when it holds a comma, quote or line break.</summary>
    public static string Escape(string cell) =>
        cell.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + cell.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : cell;

    private static void Row(StringBuilder sb, params string[] cells)
    {
        sb.AppendJoin(',', cells.Select(Escape)).Append('\n');
    }
}
