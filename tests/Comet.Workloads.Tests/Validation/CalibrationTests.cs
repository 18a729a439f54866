using Comet.Workloads.Validation;
using NUnit.Framework;

namespace Comet.Workloads.Tests.Validation;

/// <summary>The calibration fit on synthetic data whose true coefficients are known.</summary>
public class CalibrationTests
{
    private static readonly string[] Names = ["cs", "os", "tmw"];

    /// <summary>Terms of a deterministic pseudo-random case (a fixed LCG, so the test never changes).</summary>
    private static List<CalibrationSample> Synthetic(double[] truth, int count, double noise = 0)
    {
        var samples = new List<CalibrationSample>();
        ulong state = 12345;
        double Next()
        {
            state = (state * 6364136223846793005UL) + 1442695040888963407UL;
            return (state >> 11) / (double)(1UL << 53);
        }

        for (var i = 0; i < count; i++)
        {
            double[] terms = [1e5 + (9e6 * Next()), 1e3 * Next(), 1e4 + (5e6 * Next())];
            var y = NonNegativeLeastSquares.Dot(terms, truth) * (1 + (noise * ((2 * Next()) - 1)));
            samples.Add(new CalibrationSample($"c{i}", i % 2 == 0 ? "even" : "odd", terms, y));
        }

        return samples;
    }

    [TestCase(FitWeighting.Relative)]
    [TestCase(FitWeighting.Absolute)]
    public void Fit_ExactData_RecoversTheTrueCoefficients(FitWeighting weighting)
    {
        double[] truth = [1.25, 3.0, 0.8];
        var fit = Calibration.Fit(Synthetic(truth, 20), Names, weighting);

        Assert.That(fit.Coefficients, Is.EqualTo(truth).Within(1e-6));
        Assert.That(fit.RSquared, Is.EqualTo(1).Within(1e-12));
        Assert.That(fit.MeanAbsErrorAfterPct, Is.EqualTo(0).Within(1e-6));
        Assert.That(fit.LeaveOneOutMeanAbsErrorPct, Is.EqualTo(0).Within(1e-6), "exact data: every leave-one-out fit recovers the same coefficients");
        Assert.That(fit.MeanAbsErrorBeforePct, Is.GreaterThan(5), "all-ones coefficients are not the truth");
        Assert.That(fit.Identified, Is.All.True);
    }

    [Test]
    public void Fit_NoisyData_StaysCloseAndLeaveOneOutIsNoBetterThanInSample()
    {
        double[] truth = [1.1, 0.0, 0.9];
        var fit = Calibration.Fit(Synthetic(truth, 60, noise: 0.01), Names);

        Assert.That(fit.Coefficients[0], Is.EqualTo(1.1).Within(0.01));
        Assert.That(fit.Coefficients[2], Is.EqualTo(0.9).Within(0.01));
        Assert.That(fit.Coefficients, Is.All.GreaterThanOrEqualTo(0));
        Assert.That(fit.MeanAbsErrorAfterPct, Is.LessThan(1), "1 % uniform noise gives a mean |error| of about 0.5 %");
        Assert.That(fit.LeaveOneOutMeanAbsErrorPct, Is.GreaterThanOrEqualTo(fit.MeanAbsErrorAfterPct));
    }

    [Test]
    public void Solve_UnconstrainedOptimumNegative_ClipsToZeroAndRefits()
    {
        // y = 2·x1 − 1·x2 exactly: unconstrained LS gives (2, −1); with x ≥ 0 the second term is dropped and
        // x1 = Σ x1·y / Σ x1² over the rows (1,1)→1, (2,1)→3, (3,1)→5: (1 + 6 + 15) / (1 + 4 + 9) = 22/14.
        IReadOnlyList<double>[] rows = [[1, 1], [2, 1], [3, 1]];
        double[] y = [1, 3, 5];

        var x = NonNegativeLeastSquares.Solve(rows, y);

        Assert.That(x[0], Is.EqualTo(22.0 / 14).Within(1e-12));
        Assert.That(x[1], Is.Zero);
    }

    [Test]
    public void Fit_TermZeroEverywhere_KeepsCoefficientOneAndIsNotIdentified()
    {
        var samples = Synthetic([2.0, 0, 0.5], 10).Select(s => s with { Terms = [s.Terms[0], 0, s.Terms[2]], Observed = (2.0 * s.Terms[0]) + (0.5 * s.Terms[2]) }).ToList();

        var fit = Calibration.Fit(samples, Names);

        Assert.That(fit.Coefficients, Is.EqualTo(new[] { 2.0, 1.0, 0.5 }).Within(1e-9));
        Assert.That(fit.Identified, Is.EqualTo(new[] { true, false, true }));
    }

    [Test]
    public void RSquared_HandComputed()
    {
        // ȳ = 2; Σ(y−ŷ)² = 0.25 + 0 + 0.25 = 0.5; Σ(y−ȳ)² = 2 → R² = 0.75.
        Assert.That(Calibration.RSquared([1, 2, 3], [1.5, 2, 2.5]), Is.EqualTo(0.75).Within(1e-12));
    }

    [Test]
    public void Fit_BeforeIsThePlainSumOfTheTerms()
    {
        var fit = Calibration.Fit([new CalibrationSample("a", "f", [100, 20, 30], 300), new CalibrationSample("b", "f", [10, 0, 50], 120)], Names);

        Assert.That(fit.Predictions.Select(p => p.Before), Is.EqualTo(new[] { 150.0, 60.0 }));
        Assert.That(fit.Predictions[0].ErrorBeforePct, Is.EqualTo(-50).Within(1e-12));
        Assert.That(fit.MeanAbsErrorBeforePct, Is.EqualTo(50).Within(1e-12));
    }
}
