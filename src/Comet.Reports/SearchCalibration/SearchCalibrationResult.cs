using Comet.Workloads.Validation;

namespace Comet.Reports.SearchCalibration;

/// <summary>A calibration of the model's terms to the simulated top k of searches, scored on held-out candidates and by rank agreement.</summary>
/// <param name="Fit">The fit on the training candidates (coefficients, and errors on those candidates).</param>
/// <param name="Training">The candidates fitted.</param>
/// <param name="HeldOut">The candidates kept out of the fit, on which the errors below are measured.</param>
/// <param name="HeldOutBefore">|error| of the uncalibrated model on the held-out candidates (null when none is held out).</param>
/// <param name="HeldOutAfter">|error| of the calibrated model on the held-out candidates (null likewise).</param>
/// <param name="Agreement">Per search, the rank agreement of its top k with the simulator.</param>
public sealed record SearchCalibrationResult(
    CalibrationFit Fit,
    IReadOnlyList<SearchSample> Training,
    IReadOnlyList<SearchSample> HeldOut,
    ErrorSummary? HeldOutBefore,
    ErrorSummary? HeldOutAfter,
    IReadOnlyList<SearchRankAgreement> Agreement);
