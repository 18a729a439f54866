namespace Comet.Reports.Reproduce;

/// <summary>One generated case's totals: the model's always, the simulator's when its run finished.</summary>
/// <param name="AnalyticCycles">The model's total cycles (the sum over the steps of an unfused sequence), or null when it could not evaluate the case.</param>
/// <param name="AnalyticEnergyPj">The model's total energy, pJ, or null.</param>
/// <param name="SimulatedCycles">Simulated cycles, or null when the run did not finish.</param>
/// <param name="SimulatedEnergyPj">Simulated energy, pJ, or null.</param>
/// <param name="DramBytes">Bytes the simulation read from and wrote to the root memory, or null.</param>
/// <param name="Status"><c>ok</c>, or why a figure is missing (the event budget, an error).</param>
public sealed record CaseFigures(long? AnalyticCycles, double? AnalyticEnergyPj, long? SimulatedCycles, double? SimulatedEnergyPj, long? DramBytes, string Status);
