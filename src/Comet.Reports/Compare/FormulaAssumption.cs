using Comet.Workloads.Execution;

namespace Comet.Reports.Compare;

/// <summary>One simulated mechanism switched to the analytical formula's assumption, for attributing a gap to it.</summary>
/// <param name="Name">The attribution key (<c>network</c>, <c>transfers</c>, …) in compare.csv and the JSON.</param>
/// <param name="Assumption">What the formula assumes instead, in words (e.g. <c>whole-tile store-and-forward</c>).</param>
/// <param name="Apply">The run's execution options with the mechanism switched to that assumption.</param>
/// <param name="SameRun">Given what the run with every mechanism on did, why the switched run would be the same run (then it is not run and its share is 0), or null when it must run.</param>
public sealed record FormulaAssumption(string Name, string Assumption, Func<ExecutionOptions, ExecutionOptions> Apply, Func<MechanismActivity, string?>? SameRun = null);
