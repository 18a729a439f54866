namespace Comet.Workloads.Validation;

/// <summary>The result of fitting the analytical model's terms to observed totals with non-negative coefficients.</summary>
/// <param name="TermNames">Names of the terms, in coefficient order.</param>
/// <param name="Coefficients">Fitted coefficient per term (≥ 0; 1 for a term that is zero in every case and so cannot be identified).</param>
/// <param name="Identified">Per term, false when it is zero in every case (its coefficient stays at the model's own 1).</param>
/// <param name="Weighting">How residuals were weighted.</param>
/// <param name="Cases">Number of cases fitted.</param>
/// <param name="RSquared">Coefficient of determination of the calibrated predictions against the observed totals (unweighted).</param>
/// <param name="RSquaredBefore">The same for the uncalibrated predictions.</param>
/// <param name="MeanAbsErrorBeforePct">Mean |relative error| of the uncalibrated predictions, percent.</param>
/// <param name="MeanAbsErrorAfterPct">Mean |relative error| of the calibrated predictions, percent.</param>
/// <param name="LeaveOneOutMeanAbsErrorPct">Mean |relative error| of the leave-one-out predictions, percent (null with fewer than two cases).</param>
/// <param name="Predictions">Per case: before, after and leave-one-out.</param>
public sealed record CalibrationFit(
    IReadOnlyList<string> TermNames,
    IReadOnlyList<double> Coefficients,
    IReadOnlyList<bool> Identified,
    FitWeighting Weighting,
    int Cases,
    double RSquared,
    double RSquaredBefore,
    double MeanAbsErrorBeforePct,
    double MeanAbsErrorAfterPct,
    double? LeaveOneOutMeanAbsErrorPct,
    IReadOnlyList<CalibrationPrediction> Predictions);
