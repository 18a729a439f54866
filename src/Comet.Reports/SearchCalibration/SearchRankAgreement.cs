namespace Comet.Reports.SearchCalibration;

/// <summary>How well a model orders one search's top k against the simulator: Kendall τ-b of its predictions against simulated cycles, before and after calibration.</summary>
/// <param name="Search">The search's folder name.</param>
/// <param name="Candidates">How many simulated top candidates the search has.</param>
/// <param name="TauBefore">τ-b of the uncalibrated model (its Total Cycles) against simulated cycles, or null with fewer than two candidates.</param>
/// <param name="TauAfter">τ-b of the calibrated model against simulated cycles, or null likewise.</param>
/// <param name="SameWinnerBefore">Whether the uncalibrated model's best of the top k is the simulator's best (false when the model's lowest prediction is tied).</param>
/// <param name="SameWinnerAfter">Whether the calibrated model's best of the top k is the simulator's best.</param>
public sealed record SearchRankAgreement(string Search, int Candidates, double? TauBefore, double? TauAfter, bool SameWinnerBefore, bool SameWinnerAfter);
