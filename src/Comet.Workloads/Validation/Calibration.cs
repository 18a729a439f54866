namespace Comet.Workloads.Validation;

/// <summary>Fits non-negative coefficients to the analytical model's terms so that Σ c_j·term_j matches the simulated totals, and scores the fit.</summary>
public static class Calibration
{
    /// <summary>Fits <paramref name="samples"/> (observed ≈ Σ c_j·term_j, c ≥ 0) and reports the coefficients, R², errors before/after and the leave-one-out error.</summary>
    /// <exception cref="ArgumentException">No samples, a sample with the wrong number of terms, a non-finite value, or (with relative weighting) an observed total that is not positive.</exception>
    public static CalibrationFit Fit(IReadOnlyList<CalibrationSample> samples, IReadOnlyList<string> termNames, FitWeighting weighting = FitWeighting.Relative)
    {
        ArgumentNullException.ThrowIfNull(samples);
        ArgumentNullException.ThrowIfNull(termNames);
        if (samples.Count == 0)
        {
            throw new ArgumentException("no samples to fit", nameof(samples));
        }

        if (samples.Any(s => s.Terms.Count != termNames.Count))
        {
            throw new ArgumentException($"every sample needs {termNames.Count} terms", nameof(samples));
        }

        if (weighting == FitWeighting.Relative && samples.Any(s => !(s.Observed > 0)))
        {
            throw new ArgumentException("relative weighting needs positive observed totals", nameof(samples));
        }

        var coefficients = Coefficients(samples, termNames.Count, weighting);
        var identified = Enumerable.Range(0, termNames.Count).Select(j => samples.Any(s => s.Terms[j] != 0)).ToArray();
        var ones = Enumerable.Repeat(1.0, termNames.Count).ToArray();
        var predictions = new List<CalibrationPrediction>(samples.Count);
        for (var i = 0; i < samples.Count; i++)
        {
            var s = samples[i];
            var before = NonNegativeLeastSquares.Dot(s.Terms, ones);
            var after = NonNegativeLeastSquares.Dot(s.Terms, coefficients);
            double? loo = null;
            if (samples.Count > 1)
            {
                var others = samples.Where((_, k) => k != i).ToList();
                loo = NonNegativeLeastSquares.Dot(s.Terms, Coefficients(others, termNames.Count, weighting));
            }

            predictions.Add(new CalibrationPrediction(
                s.Name, s.Family, s.Observed, before, after, loo,
                ErrorPercent(before, s.Observed), ErrorPercent(after, s.Observed), loo is { } l ? ErrorPercent(l, s.Observed) : null));
        }

        var observed = samples.Select(s => s.Observed).ToList();
        return new CalibrationFit(
            termNames.ToList(),
            coefficients,
            identified,
            weighting,
            samples.Count,
            RSquared(observed, predictions.Select(p => p.After).ToList()),
            RSquared(observed, predictions.Select(p => p.Before).ToList()),
            predictions.Average(p => Math.Abs(p.ErrorBeforePct)),
            predictions.Average(p => Math.Abs(p.ErrorAfterPct)),
            samples.Count > 1 ? predictions.Average(p => Math.Abs(p.LeaveOneOutErrorPct!.Value)) : null,
            predictions);
    }

    /// <summary>The non-negative coefficients of one fit; a term that is zero in every sample keeps the model's own coefficient 1.</summary>
    public static double[] Coefficients(IReadOnlyList<CalibrationSample> samples, int terms, FitWeighting weighting)
    {
        ArgumentNullException.ThrowIfNull(samples);

        // Relative weighting: minimise Σ ((Σ c_j·t_ij − y_i) / y_i)², i.e. scale row i and its target by 1/y_i.
        var rows = samples.Select(s => (IReadOnlyList<double>)s.Terms.Select(t => weighting == FitWeighting.Relative ? t / s.Observed : t).ToArray()).ToList();
        var targets = samples.Select(s => weighting == FitWeighting.Relative ? 1.0 : s.Observed).ToList();
        var c = NonNegativeLeastSquares.Solve(rows, targets);
        for (var j = 0; j < terms; j++)
        {
            if (samples.All(s => s.Terms[j] == 0))
            {
                c[j] = 1;
            }
        }

        return c;
    }

    /// <summary>Relative error of a prediction, percent: e = (predicted − observed) / observed · 100.</summary>
    public static double ErrorPercent(double predicted, double observed) =>
        observed == 0 ? (predicted == 0 ? 0 : double.PositiveInfinity) : (predicted - observed) / observed * 100;

    /// <summary>Coefficient of determination: R² = 1 − Σ(y − ŷ)² / Σ(y − ȳ)² (1 when every y is equal and predicted exactly).</summary>
    public static double RSquared(IReadOnlyList<double> observed, IReadOnlyList<double> predicted)
    {
        ArgumentNullException.ThrowIfNull(observed);
        ArgumentNullException.ThrowIfNull(predicted);
        if (observed.Count != predicted.Count || observed.Count == 0)
        {
            throw new ArgumentException("observed and predicted need the same, non-zero length", nameof(predicted));
        }

        var mean = observed.Average();
        double residual = 0, total = 0;
        for (var i = 0; i < observed.Count; i++)
        {
            residual += (observed[i] - predicted[i]) * (observed[i] - predicted[i]);
            total += (observed[i] - mean) * (observed[i] - mean);
        }

        return total == 0 ? (residual == 0 ? 1 : double.NegativeInfinity) : 1 - (residual / total);
    }
}
