namespace Comet.Workloads.Validation;

/// <summary>The median, 90th percentile and maximum of absolute percentage errors.</summary>
/// <param name="Count">How many errors.</param>
/// <param name="MedianPct">The median |error|, percent (the mean of the two middle values for an even count).</param>
/// <param name="P90Pct">The 90th percentile |error|, percent, by nearest rank: the ⌈0.9·n⌉-th smallest.</param>
/// <param name="MaxPct">The largest |error|, percent.</param>
public sealed record ErrorSummary(int Count, double MedianPct, double P90Pct, double MaxPct)
{
    /// <summary>The summary of the absolute values of <paramref name="errorsPct"/>; null when there are none.</summary>
    public static ErrorSummary? Of(IEnumerable<double> errorsPct)
    {
        ArgumentNullException.ThrowIfNull(errorsPct);
        var sorted = errorsPct.Select(Math.Abs).Order().ToList();
        if (sorted.Count == 0)
        {
            return null;
        }

        var n = sorted.Count;
        var median = n % 2 == 1 ? sorted[n / 2] : (sorted[(n / 2) - 1] + sorted[n / 2]) / 2;
        // nearest rank: the ⌈0.9·n⌉-th smallest, 1-based; ⌈9n/10⌉ = (9n + 9) / 10 in integers.
        var p90 = sorted[((9 * n) + 9) / 10 - 1];
        return new ErrorSummary(n, median, p90, sorted[^1]);
    }
}
