namespace Comet.Reports.Search;

/// <summary>A top candidate's simulation: cycles and energy, or why it has none.</summary>
/// <param name="Cycles">Simulated cycles (null when the simulation did not finish).</param>
/// <param name="EnergyPj">Simulated energy in pJ (null likewise).</param>
/// <param name="Status">The validation status (<c>ok</c>, skipped or the error).</param>
public sealed record SimulatedFigures(long? Cycles, double? EnergyPj, string Status);
