namespace Comet.Workloads.Analytical;

/// <summary>Options of an analytical evaluation.</summary>
/// <param name="NocEnergy">Include NoC (router/link) energy, as the tool's <c>--calc_noc_energy</c>.</param>
public sealed record AnalyticOptions(bool NocEnergy = false)
{
    /// <summary>The tool's defaults (no NoC energy).</summary>
    public static AnalyticOptions Default { get; } = new();
}
