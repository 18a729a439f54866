using Comet.Bench;
using NUnit.Framework;

namespace Comet.Cli.Tests.Bench;

/// <summary>The side-by-side bench's statistics against figures derived by hand: the exact sign test, the median ratio, its bootstrap interval and the verdict.</summary>
public class PairedRoundsTests
{
    [TestCase(9, 10, 22.0 / 1024)] // 2 · (C(10,0) + C(10,1)) / 2^10
    [TestCase(6, 6, 2.0 / 64)] // all six rounds one way, or all six the other
    [TestCase(1, 5, 12.0 / 32)] // K ≤ 1 or K ≥ 4: (1 + 5 + 5 + 1) / 2^5
    [TestCase(5, 10, 1.0)]
    [TestCase(0, 0, 1.0)]
    [TestCase(30, 40, 0.0022214337732293643)] // 2 · Σ_{k ≤ 10} C(40, k) / 2^40
    public void SignTestIsTheExactBinomialTail(int wins, int n, double expected)
    {
        Assert.That(PairedRounds.SignTest(wins, n), Is.EqualTo(expected).Within(1e-15));
    }

    [Test]
    public void IdenticalRatiosGiveADegenerateIntervalAndSixOfSixIsSignificant()
    {
        var result = PairedRounds.Of([1, 2, 3, 4, 5, 6], [2, 4, 6, 8, 10, 12]);
        Assert.Multiple(() =>
        {
            Assert.That(result.MedianRatio, Is.EqualTo(0.5));
            Assert.That(result.Low, Is.EqualTo(0.5));
            Assert.That(result.High, Is.EqualTo(0.5));
            Assert.That(result.CandidateFaster, Is.EqualTo(6));
            Assert.That(result.SignTestP, Is.EqualTo(2.0 / 64));
            Assert.That(result.Verdict, Is.EqualTo("faster"));
        });
    }

    [Test]
    public void ThreeOfThreeIsNotEnoughAndTiesLeaveTheSignTest()
    {
        Assert.That(PairedRounds.Of([1, 1, 1], [2, 2, 2]).Verdict, Is.EqualTo("within the noise")); // p = 2/8
        var tied = PairedRounds.Of([2, 2, 1], [2, 2, 2]); // ratios 1, 1, 0.5: one untied round
        Assert.Multiple(() =>
        {
            Assert.That(tied.MedianRatio, Is.EqualTo(1));
            Assert.That(tied.CandidateFaster, Is.EqualTo(1));
            Assert.That(tied.SignTestP, Is.EqualTo(1));
        });
    }

    [Test]
    public void TheIntervalHoldsTheMedianWithinTheRatiosAndRepeatsForTheSameSeed()
    {
        double[] candidate = [2.1, 2.3, 1.9, 2.6, 2.0, 2.2, 2.4, 1.8, 2.5, 2.05];
        double[] baseline = [2.2, 2.2, 2.1, 2.5, 2.3, 2.4, 2.3, 2.0, 2.6, 2.15];
        var ratios = candidate.Select((c, i) => c / baseline[i]).ToArray();
        var result = PairedRounds.Of(candidate, baseline);
        Assert.Multiple(() =>
        {
            Assert.That(result.MedianRatio, Is.EqualTo(BenchStatistics.Median(ratios)));
            Assert.That(result.Low, Is.LessThanOrEqualTo(result.MedianRatio).And.GreaterThanOrEqualTo(ratios.Min()));
            Assert.That(result.High, Is.GreaterThanOrEqualTo(result.MedianRatio).And.LessThanOrEqualTo(ratios.Max()));
            Assert.That(result.CandidateFaster, Is.EqualTo(ratios.Count(r => r < 1)));
            Assert.That(PairedRounds.Of(candidate, baseline), Is.EqualTo(result));
        });
    }

    [Test]
    public void RefusesRoundsThatDoNotPair()
    {
        Assert.Throws<ArgumentException>(() => PairedRounds.Of([1, 2], [1]));
    }
}
