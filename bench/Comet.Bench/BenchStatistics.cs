namespace Comet.Bench;

/// <summary>The summary statistics the bench's groups report over repeated rounds.</summary>
public static class BenchStatistics
{
    /// <summary>The median of <paramref name="values"/> (the mean of the two middle values when their number is even).</summary>
    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
