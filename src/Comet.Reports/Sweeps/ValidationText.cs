using System.Globalization;

namespace Comet.Reports.Sweeps;

/// <summary>The plain-text report of a validation sweep: one line per case, then the error distribution per family.</summary>
public static class ValidationText
{
    /// <summary>Writes the case table and the family table to <paramref name="output"/>.</summary>
    public static void Write(TextWriter output, IReadOnlyList<ValidationCaseResult> results, IReadOnlyList<ValidationFamilyStatistics> families)
    {
        var rows = new List<string[]> { new[] { "case", "family", "analytic total", "analytic root", "simulated", "err % total", "err % root", "status" } };
        foreach (var r in results)
        {
            rows.Add([r.Case.Name, r.Case.Family, Num(r.AnalyticTotalCycles), Num(r.AnalyticRootCycles), Num(r.SimulatedCycles), Pct(r.ErrorVsTotalPct), Pct(r.ErrorVsRootPct), r.Status]);
        }

        Table(output, rows, rightFrom: 2, rightTo: 6);
        output.WriteLine();
        var stats = new List<string[]> { new[] { "family", "cases", "compared", "mean err %", "mean |err| %", "median |err| %", "min %", "max %", "within ±10 %", "mean |err| vs root %" } };
        foreach (var f in families)
        {
            stats.Add([f.Family, Num(f.Cases), Num(f.Compared), Pct(f.MeanErrorPct), Abs(f.MeanAbsErrorPct), Abs(f.MedianAbsErrorPct), Pct(f.MinErrorPct), Pct(f.MaxErrorPct), Num(f.WithinTenPct), Abs(f.MeanAbsErrorVsRootPct)]);
        }

        Table(output, stats, rightFrom: 1, rightTo: 9);
    }

    /// <summary>Writes <paramref name="rows"/> as aligned columns, numbers right-aligned in columns <paramref name="rightFrom"/>..<paramref name="rightTo"/>.</summary>
    public static void Table(TextWriter output, IReadOnlyList<string[]> rows, int rightFrom, int rightTo)
    {
        var widths = Enumerable.Range(0, rows[0].Length).Select(c => rows.Max(r => r[c].Length)).ToArray();
        foreach (var r in rows)
        {
            output.WriteLine(string.Join("  ", r.Select((cell, c) => c >= rightFrom && c <= rightTo ? cell.PadLeft(widths[c]) : cell.PadRight(widths[c]))).TrimEnd());
        }
    }

    private static string Num(long? v) => v?.ToString(CultureInfo.InvariantCulture) ?? "-";

    private static string Pct(double? v) => v?.ToString("+0.0;-0.0;0.0", CultureInfo.InvariantCulture) ?? "-";

    private static string Abs(double? v) => v?.ToString("0.0", CultureInfo.InvariantCulture) ?? "-";
}
