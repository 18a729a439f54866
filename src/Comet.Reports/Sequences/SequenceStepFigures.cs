namespace Comet.Reports.Sequences;

/// <summary>One operation's figures in an unfused sequence run (analytic, and simulated when it was simulated).</summary>
/// <param name="Step">The operation's subfolder, e.g. <c>01-gemm</c>.</param>
/// <param name="AnalyticCycles">The analytical model's total cycles, or null when it could not evaluate the step.</param>
/// <param name="AnalyticEnergyPj">The analytical model's total energy, pJ, or null.</param>
/// <param name="SimulatedCycles">Simulated cycles, or null for <c>analyze</c>.</param>
/// <param name="SimulatedEnergyPj">Simulated energy, pJ, or null.</param>
/// <param name="DramBytesRead">Bytes the simulation read from the root memory, or null.</param>
/// <param name="DramBytesWritten">Bytes the simulation wrote to the root memory, or null.</param>
public sealed record SequenceStepFigures(string Step, long? AnalyticCycles, double? AnalyticEnergyPj, long? SimulatedCycles = null, double? SimulatedEnergyPj = null, long? DramBytesRead = null, long? DramBytesWritten = null);
