using Comet.Workloads.Analytical;
using Comet.Workloads.Execution;

namespace Comet.Reports.Runs;

/// <summary>What a simulation run produced: the observations, the closed form beside them, and the files written.</summary>
/// <param name="Result">The simulation's observations.</param>
/// <param name="Analytic">The analytical model's report (for comparison), or null when it could not be evaluated.</param>
/// <param name="SummaryJson">The text of summary.json.</param>
/// <param name="Files">Paths written (final locations).</param>
/// <param name="Cancelled">True when Ctrl-C stopped the run early.</param>
public sealed record SimulationOutcome(SimulationResult Result, AnalyticReport? Analytic, string SummaryJson, IReadOnlyList<string> Files, bool Cancelled);
