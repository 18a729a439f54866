using Comet.Workloads.Analytical;
using Comet.Workloads.Execution;

namespace Comet.Reports.Sweeps;

/// <summary>One row of validation.csv: a case's analytic and simulated figures, or why it has none.</summary>
/// <param name="Case">The case.</param>
/// <param name="AnalyticTotalCycles">COMET's Total Cycles.</param>
/// <param name="AnalyticRootCycles">COMET's root-node cycles (DataMovementTileNode::0).</param>
/// <param name="SimulatedCycles">When the simulation's last activity ended.</param>
/// <param name="ErrorVsTotalPct">(simulated − analytic total) / analytic total, percent.</param>
/// <param name="ErrorVsRootPct">(simulated − analytic root) / analytic root, percent.</param>
/// <param name="AnalyticEnergyPj">COMET's total energy, pJ.</param>
/// <param name="SimulatedEnergyPj">The simulation's energy, pJ.</param>
/// <param name="EnergyErrorPct">(simulated − analytic) / analytic energy, percent.</param>
/// <param name="Events">Kernel events processed (the budget when the case was skipped).</param>
/// <param name="Status"><c>ok</c>, <c>skipped: event budget …</c>, or the one-line error.</param>
/// <param name="Analytic">The analytical report (null when the model could not evaluate the case).</param>
/// <param name="SummaryJson">The case's summary.json text (null unless the simulation finished).</param>
/// <param name="Levels">Per node / collective / level rows of validation_levels.csv.</param>
/// <param name="Activity">How often the switchable mechanisms acted in the simulation (null unless it finished).</param>
public sealed record ValidationCaseResult(
    ValidationCase Case,
    long? AnalyticTotalCycles,
    long? AnalyticRootCycles,
    long? SimulatedCycles,
    double? ErrorVsTotalPct,
    double? ErrorVsRootPct,
    double? AnalyticEnergyPj,
    double? SimulatedEnergyPj,
    double? EnergyErrorPct,
    long? Events,
    string Status,
    AnalyticReport? Analytic,
    string? SummaryJson,
    IReadOnlyList<ValidationLevelRow> Levels,
    MechanismActivity? Activity = null)
{
    /// <summary>The status of a case that was analysed and simulated to the end.</summary>
    public const string Ok = "ok";

    /// <summary>True when both sides have a total to compare.</summary>
    public bool IsComparable => Status == Ok && AnalyticTotalCycles is not null && SimulatedCycles is not null;
}
