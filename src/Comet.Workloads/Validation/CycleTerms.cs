using Comet.Workloads.Analytical;

namespace Comet.Workloads.Validation;

/// <summary>The analytical model's Total Cycles split into the three columns of its per-unit breakdown: compulsory stall (CS), optional stall (OS) and total memory window (TMW).</summary>
public static class CycleTerms
{
    /// <summary>The term names, in the order <see cref="Of"/> returns them.</summary>
    public static IReadOnlyList<string> Names { get; } = ["cs", "os", "tmw"];

    /// <summary>Σ CS and Σ TMW over the report's breakdown rows, and OS = Total − CS − TMW, so the three add up to the report's Total Cycles.</summary>
    /// <remarks>
    /// The tool's table prints a memory row's OS without × parent iterations while Total Cycles multiplies it, and the
    /// report does not carry the multiplied figure per row; the residual is exactly Σ OS × iterations (collective OS included).
    /// </remarks>
    public static double[] Of(AnalyticReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        long cs = 0, tmw = 0;
        foreach (var row in report.CycleBreakdown.Values)
        {
            cs += row.CompulsoryStall ?? 0;
            tmw += row.MemoryWindow ?? 0;
        }

        // Total = Σ (CS + OS·PI) + Σ TMW over the costed nodes, so the optional stall as Total counts it is the rest.
        return [cs, report.TotalCycles - cs - tmw, tmw];
    }
}
