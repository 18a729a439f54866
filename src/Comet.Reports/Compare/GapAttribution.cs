namespace Comet.Reports.Compare;

/// <summary>How much of the gap between simulated and analytic cycles each mechanism explains, and what remains.</summary>
/// <param name="Mechanisms">Per switch of <see cref="FormulaAssumptions.All"/>, in its order: simulated − simulated with that mechanism switched to the formula's assumption (null when that run failed).</param>
/// <param name="Residual">The gap the switches do not explain: (simulated − analytic) − the sum of <paramref name="Mechanisms"/> (null when a figure is missing).</param>
public sealed record GapAttribution(IReadOnlyList<double?> Mechanisms, double? Residual)
{
    /// <summary>Attributes the gap of <paramref name="simulated"/> against <paramref name="analytic"/> given the runs with one mechanism switched each.</summary>
    // contribution_m = sim − sim_m; residual = (sim − analytic) − Σ_m contribution_m, so the parts add up to the gap.
    public static GapAttribution Of(double? analytic, double? simulated, IReadOnlyList<double?> switched)
    {
        var mechanisms = switched.Select(s => simulated is { } sim && s is { } m ? sim - m : (double?)null).ToList();
        double? residual = analytic is { } a && simulated is { } total && mechanisms.All(m => m is not null)
            ? total - a - mechanisms.Sum(m => m!.Value)
            : null;
        return new GapAttribution(mechanisms, residual);
    }
}
