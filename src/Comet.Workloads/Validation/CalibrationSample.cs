namespace Comet.Workloads.Validation;

/// <summary>One case of a calibration: the analytical model's terms and the observed (simulated) total they should add up to.</summary>
/// <param name="Name">Case name.</param>
/// <param name="Family">Case family (for grouping in reports).</param>
/// <param name="Terms">The model's terms, in the order of the fit's term names (their plain sum is the uncalibrated prediction).</param>
/// <param name="Observed">The simulated total the terms are fitted to.</param>
/// <param name="InputsHash">A digest of the case's input files (null when unknown): two samples with the same digest are one case counted twice.</param>
public sealed record CalibrationSample(string Name, string Family, IReadOnlyList<double> Terms, double Observed, string? InputsHash = null);
