namespace Comet.Reports.Compare;

/// <summary>One node, collective or memory level of a compared case: analytic beside simulated cycles, and the gap's attribution.</summary>
/// <param name="Kind"><c>node</c>, <c>collective</c> or <c>level</c> (as validation_levels.csv).</param>
/// <param name="Name">Node or level name.</param>
/// <param name="Detail">What the figures compare (validation_levels.csv's detail).</param>
/// <param name="AnalyticCycles">The model's cycles (null when it has none).</param>
/// <param name="SimulatedCycles">The simulated cycles with every mechanism on.</param>
/// <param name="ErrorPct">(simulated − analytic) / analytic, percent.</param>
/// <param name="Attribution">The gap's attribution to the mechanisms.</param>
public sealed record CompareComponent(string Kind, string Name, string Detail, double? AnalyticCycles, double? SimulatedCycles, double? ErrorPct, GapAttribution Attribution);
