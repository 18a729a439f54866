using Comet.Workloads.Validation;
using NUnit.Framework;

namespace Comet.Workloads.Tests.Validation;

public class CalibrationWarningsTests
{
    private static List<CalibrationSample> Samples(int count) =>
        Enumerable.Range(0, count).Select(i => new CalibrationSample($"c{i}", "f", [i + 1.0, 2, 3], 10 + i, $"h{i}")).ToList();

    [Test]
    public void ThreeCoefficients_NineCases_Warns()
    {
        // 3 coefficients x 3 = 9 >= 9 cases: as many coefficients as a third of the cases
        Assert.That(CalibrationWarnings.For(Samples(9), 3).Single(), Is.EqualTo(
            "fitting 3 coefficients to 9 cases (fewer than 4 cases per coefficient): the fit can follow noise; judge it by the leave-one-out error, and add cases"));
    }

    [Test]
    public void ThreeCoefficients_TenCases_DoesNotWarn() => Assert.That(CalibrationWarnings.For(Samples(10), 3), Is.Empty);

    [Test]
    public void CasesWithTheSameInputs_AreNamedInOneLine()
    {
        var samples = Samples(12);
        samples[4] = samples[4] with { InputsHash = "h1" };
        samples[7] = samples[7] with { InputsHash = "h2" };
        samples[9] = samples[9] with { InputsHash = "h1" };

        Assert.That(CalibrationWarnings.For(samples, 3).Single(), Is.EqualTo(
            "cases with identical inputs (same SHA-256 of the four files) are fitted more than once: c1 = c4 = c9; c2 = c7; each such group weighs as several cases"));
    }
}
