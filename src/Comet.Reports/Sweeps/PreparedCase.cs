using Comet.Workloads.Analytical;
using Comet.Workloads.Inputs;

namespace Comet.Reports.Sweeps;

/// <summary>A case loaded and evaluated by the model once, ready to be simulated any number of times (<see cref="ValidationSweep.Simulate"/>).</summary>
/// <param name="Case">The case.</param>
/// <param name="Inputs">Its inputs (null when they could not be loaded).</param>
/// <param name="Analytic">The model's report (null when the model could not evaluate it).</param>
/// <param name="AnalyticError">Why the model could not evaluate it, or null.</param>
/// <param name="Failed">The row of a case that cannot be simulated (its inputs are missing or invalid), or null.</param>
public sealed record PreparedCase(ValidationCase Case, CometInputSet? Inputs, AnalyticReport? Analytic, string? AnalyticError, ValidationCaseResult? Failed);
