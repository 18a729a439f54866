namespace Comet.Reports.Reproduce;

/// <summary>One row of the reproduce table: an operation at one shape on one preset, best fused against best unfused.</summary>
/// <param name="Operation">The operation's name.</param>
/// <param name="Preset">The preset's name.</param>
/// <param name="Shape">The shape's label (<see cref="ReproduceShape.Label"/>).</param>
/// <param name="Note">What the shape stands for, or empty.</param>
/// <param name="ChosenBy">How the tilings were chosen (the best-case source's name).</param>
/// <param name="Fused">The fused case's figures (null when it could not be generated).</param>
/// <param name="Unfused">The unfused case's figures (null when it could not be generated).</param>
/// <param name="Status"><c>ok</c>, or why the row lacks figures (a shape the preset cannot tile, the event budget).</param>
/// <param name="Attribution">The mechanism that accounts for simulated vs analytic speedup, or null when it was not attributed.</param>
public sealed record ReproduceRow(string Operation, string Preset, string Shape, string Note, string ChosenBy, CaseFigures? Fused, CaseFigures? Unfused, string Status, SpeedupAttribution? Attribution = null)
{
    /// <summary>The model's speedup of fused over unfused: unfused ÷ fused analytic cycles.</summary>
    public double? SpeedupAnalytic => FusionRatios.Of(Unfused?.AnalyticCycles, Fused?.AnalyticCycles);

    /// <summary>The simulator's speedup of fused over unfused: unfused ÷ fused simulated cycles.</summary>
    public double? SpeedupSimulated => FusionRatios.Of(Unfused?.SimulatedCycles, Fused?.SimulatedCycles);

    /// <summary>The model's energy ratio: unfused ÷ fused analytic energy (above 1: fused spends less).</summary>
    public double? EnergyRatio => FusionRatios.Of(Unfused?.AnalyticEnergyPj, Fused?.AnalyticEnergyPj);

    /// <summary>The simulator's energy ratio: unfused ÷ fused simulated energy.</summary>
    public double? EnergyRatioSimulated => FusionRatios.Of(Unfused?.SimulatedEnergyPj, Fused?.SimulatedEnergyPj);

    /// <summary>The DRAM-traffic ratio: unfused ÷ fused bytes read and written at the root memory in simulation.</summary>
    public double? DramTrafficRatio => FusionRatios.Of(Unfused?.DramBytes, Fused?.DramBytes);
}
