using Comet.Reports.Sweeps;

namespace Comet.Reports.Compare;

/// <summary>One compared case: its run with every mechanism on, the runs with one mechanism switched to the formula's assumption, and the attribution of the gap.</summary>
/// <param name="Run">The case with every mechanism on (validation's row: totals, status, per-component rows).</param>
/// <param name="Switched">Per switch of <see cref="FormulaAssumptions.All"/>, in its order, the run with that mechanism switched.</param>
/// <param name="Attribution">The total gap's attribution.</param>
/// <param name="Components">Per node, collective and level.</param>
/// <param name="NotRerun">Per switch, in its order, why it was not re-run (the switched run would be the same run, or the run with every mechanism on did not finish; its entry in <paramref name="Switched"/> is then that run), or null when it ran.</param>
public sealed record CompareCaseResult(ValidationCaseResult Run, IReadOnlyList<ValidationCaseResult> Switched, GapAttribution Attribution, IReadOnlyList<CompareComponent> Components, IReadOnlyList<string?>? NotRerun = null);
