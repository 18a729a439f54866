namespace Comet.Reports.Sweeps;

/// <summary>The error distribution of one family of cases (or of all of them): simulated against analytic total and root cycles.</summary>
/// <param name="Family">Family name, or <c>all</c>.</param>
/// <param name="Cases">Cases in the family.</param>
/// <param name="Compared">Cases with both totals (status ok).</param>
/// <param name="MeanErrorPct">Mean signed error vs analytic total, percent.</param>
/// <param name="MeanAbsErrorPct">Mean |error| vs analytic total, percent.</param>
/// <param name="MedianAbsErrorPct">Median |error| vs analytic total, percent.</param>
/// <param name="MinErrorPct">Most negative error vs analytic total, percent.</param>
/// <param name="MaxErrorPct">Most positive error vs analytic total, percent.</param>
/// <param name="WithinTenPct">Compared cases within ±10 % of the analytic total.</param>
/// <param name="MeanAbsErrorVsRootPct">Mean |error| vs analytic root-node cycles, percent.</param>
public sealed record ValidationFamilyStatistics(
    string Family,
    int Cases,
    int Compared,
    double? MeanErrorPct,
    double? MeanAbsErrorPct,
    double? MedianAbsErrorPct,
    double? MinErrorPct,
    double? MaxErrorPct,
    int WithinTenPct,
    double? MeanAbsErrorVsRootPct)
{
    /// <summary>One row per family (ordinal order) and a last row <c>all</c>.</summary>
    public static IReadOnlyList<ValidationFamilyStatistics> Of(IReadOnlyList<ValidationCaseResult> results)
    {
        var rows = results.GroupBy(r => r.Case.Family, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => Build(g.Key, g.ToList()))
            .ToList();
        rows.Add(Build("all", results));
        return rows;
    }

    private static ValidationFamilyStatistics Build(string family, IReadOnlyList<ValidationCaseResult> results)
    {
        var errors = results.Where(r => r.IsComparable && r.ErrorVsTotalPct is not null).Select(r => r.ErrorVsTotalPct!.Value).ToList();
        var root = results.Where(r => r.IsComparable && r.ErrorVsRootPct is not null).Select(r => Math.Abs(r.ErrorVsRootPct!.Value)).ToList();
        var abs = errors.Select(Math.Abs).OrderBy(e => e).ToList();
        return new ValidationFamilyStatistics(
            family,
            results.Count,
            errors.Count,
            errors.Count == 0 ? null : Math.Round(errors.Average(), 4),
            abs.Count == 0 ? null : Math.Round(abs.Average(), 4),
            abs.Count == 0 ? null : Math.Round(Median(abs), 4),
            errors.Count == 0 ? null : errors.Min(),
            errors.Count == 0 ? null : errors.Max(),
            abs.Count(e => e <= 10),
            root.Count == 0 ? null : Math.Round(root.Average(), 4));
    }

    // Median of a sorted list: the middle value, or the mean of the two middle values.
    private static double Median(IReadOnlyList<double> sorted) =>
        sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
}
