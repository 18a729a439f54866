using Comet.Workloads.Validation;

namespace Comet.Reports.SearchCalibration;

/// <summary>Fits the model's terms to searches' simulated top k with a held-out split, and scores the calibrated model's errors and rank agreement.</summary>
public static class SearchCalibrationFit
{
    /// <summary>The default split: every third candidate (the 3rd, 6th, … in search then top-rank order) is held out.</summary>
    public const int DefaultHoldOutEvery = 3;

    /// <summary>Holds out every <paramref name="holdOutEvery"/>-th sample, fits the rest, and scores both models.</summary>
    /// <exception cref="ArgumentException">Fewer than two samples, or a split that leaves nothing to fit.</exception>
    public static SearchCalibrationResult Of(IReadOnlyList<SearchSample> samples, int holdOutEvery = DefaultHoldOutEvery, FitWeighting weighting = FitWeighting.Relative)
    {
        ArgumentNullException.ThrowIfNull(samples);
        if (holdOutEvery < 2)
        {
            throw new ArgumentException("hold out at most every second sample", nameof(holdOutEvery));
        }

        var heldOut = samples.Where((_, i) => i % holdOutEvery == holdOutEvery - 1).ToList();
        var training = samples.Where((_, i) => i % holdOutEvery != holdOutEvery - 1).ToList();
        if (training.Count == 0)
        {
            throw new ArgumentException("no sample to fit", nameof(samples));
        }

        var fit = Calibration.Fit([.. training.Select(s => s.Sample)], CycleTerms.Names, weighting);
        double Before(SearchSample s) => s.Sample.Terms.Sum();
        double After(SearchSample s) => NonNegativeLeastSquares.Dot(s.Sample.Terms, fit.Coefficients);
        var before = ErrorSummary.Of(heldOut.Select(s => Calibration.ErrorPercent(Before(s), s.Sample.Observed)));
        var after = ErrorSummary.Of(heldOut.Select(s => Calibration.ErrorPercent(After(s), s.Sample.Observed)));
        var agreement = samples.GroupBy(s => s.Search).Select(g =>
        {
            var top = g.ToList();
            var simulated = top.Select(s => s.Sample.Observed).ToList();
            var b = top.Select(Before).ToList();
            var a = top.Select(After).ToList();
            return new SearchRankAgreement(g.Key, top.Count, KendallTau.Of(b, simulated), KendallTau.Of(a, simulated), SameWinner(b, simulated), SameWinner(a, simulated));
        }).ToList();
        return new SearchCalibrationResult(fit, training, heldOut, before, after, agreement);
    }

    // The model's pick (its lowest prediction) is the simulator's pick (lowest simulated cycles); a model whose lowest
    // prediction is tied has no pick (the samples are in simulated order, so taking the first would favour it).
    private static bool SameWinner(IReadOnlyList<double> predicted, IReadOnlyList<double> simulated) =>
        predicted.Count > 0 && UniqueMin(predicted) is { } pick && pick == UniqueMin(simulated);

    private static int? UniqueMin(IReadOnlyList<double> values)
    {
        var min = values.Min();
        var at = Enumerable.Range(0, values.Count).Where(i => values[i] == min).ToList();
        return at.Count == 1 ? at[0] : null;
    }
}
