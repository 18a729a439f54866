namespace Comet.Workloads.Validation;

/// <summary>One case's prediction before and after calibration, and with the case left out of the fit.</summary>
/// <param name="Name">Case name.</param>
/// <param name="Family">Case family.</param>
/// <param name="Observed">The simulated total.</param>
/// <param name="Before">The uncalibrated prediction (every coefficient 1: the analytical model's own total).</param>
/// <param name="After">The calibrated prediction (the fitted coefficients over all cases).</param>
/// <param name="LeaveOneOut">The prediction of a fit over every other case (null when too few cases remain).</param>
/// <param name="ErrorBeforePct">Relative error of <paramref name="Before"/> against the observed total, percent.</param>
/// <param name="ErrorAfterPct">Relative error of <paramref name="After"/>, percent.</param>
/// <param name="LeaveOneOutErrorPct">Relative error of <paramref name="LeaveOneOut"/>, percent.</param>
public sealed record CalibrationPrediction(
    string Name,
    string Family,
    double Observed,
    double Before,
    double After,
    double? LeaveOneOut,
    double ErrorBeforePct,
    double ErrorAfterPct,
    double? LeaveOneOutErrorPct);
