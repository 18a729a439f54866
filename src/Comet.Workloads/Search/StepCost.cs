namespace Comet.Workloads.Search;

/// <summary>One step's analytic figures for one constant table, or why it has none.</summary>
/// <param name="Status"><c>ok</c>, <c>pruned: …</c> or <c>invalid: …</c>.</param>
/// <param name="Cycles">The model's total cycles when costed.</param>
/// <param name="EnergyPj">The model's total energy when costed.</param>
public sealed record StepCost(string Status, long Cycles, double EnergyPj);
