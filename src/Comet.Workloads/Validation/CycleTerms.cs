using Comet.Workloads.Analytical;

namespace Comet.Workloads.Validation;

/// <summary>The analytical model's Total Cycles split into the three columns of its per-unit breakdown: compulsory stall (CS), optional stall (OS) and total memory window (TMW).</summary>
public static class CycleTerms
{
    /// <summary>The term names, in the order <see cref="Of"/> returns them.</summary>
    public static IReadOnlyList<string> Names { get; } = ["cs", "os", "tmw"];

    /// <summary>Σ CS, Σ OS and Σ TMW over the report's breakdown rows (their sum is the report's Total Cycles).</summary>
    public static double[] Of(AnalyticReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        long cs = 0, os = 0, tmw = 0;
        foreach (var row in report.CycleBreakdown.Values)
        {
            cs += row.CompulsoryStall ?? 0;
            os += row.OptionalStall ?? 0;
            tmw += row.MemoryWindow ?? 0;
        }

        return [cs, os, tmw];
    }
}
