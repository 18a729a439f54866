using Comet.Workloads.Execution;

namespace Comet.Reports.Runs;

/// <summary>What one executor run observed and how it ended.</summary>
/// <param name="Result">The observations (of the part simulated, when the run stopped early).</param>
/// <param name="End">Why and when the run stopped.</param>
public sealed record ExecutorRunResult(SimulationResult Result, RunEnd End);
