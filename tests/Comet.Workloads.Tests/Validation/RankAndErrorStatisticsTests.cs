using Comet.Workloads.Validation;
using NUnit.Framework;

namespace Comet.Workloads.Tests.Validation;

/// <summary>Kendall τ-b of hand-made rankings, and the median / p90 / max of hand-made errors.</summary>
public class RankAndErrorStatisticsTests
{
    [Test]
    public void KendallTau_OneSwappedPairOfFour_IsTwoThirds()
    {
        // 6 pairs, only (2,3) discordant: (5 − 1) / 6.
        Assert.That(KendallTau.Of([1, 2, 3, 4], [1, 3, 2, 4]), Is.EqualTo(4.0 / 6).Within(1e-12));
    }

    [Test]
    public void KendallTau_SameAndReversedOrder_IsPlusAndMinusOne()
    {
        Assert.That(KendallTau.Of([10, 20, 30], [1, 2, 3]), Is.EqualTo(1.0));
        Assert.That(KendallTau.Of([10, 20, 30], [3, 2, 1]), Is.EqualTo(-1.0));
    }

    [Test]
    public void KendallTau_WithATie_IsTauB()
    {
        // x = (1, 1, 2), y = (1, 2, 3): 3 pairs, one tied in x, two concordant: 2 / √((3 − 1)(3 − 0)) = 2 / √6.
        Assert.That(KendallTau.Of([1, 1, 2], [1, 2, 3]), Is.EqualTo(2 / Math.Sqrt(6)).Within(1e-12));
        Assert.That(KendallTau.Of([5], [7]), Is.Null);
        Assert.That(KendallTau.Of([1, 1], [1, 2]), Is.Null);
    }

    [Test]
    public void ErrorSummary_OfFiveErrors_TakesAbsoluteValues()
    {
        // |errors| sorted: 1, 2, 5, 10, 20; median the 3rd; p90 the ⌈4.5⌉ = 5th.
        var s = ErrorSummary.Of([-10, 5, 1, 20, -2])!;
        Assert.That((s.Count, s.MedianPct, s.P90Pct, s.MaxPct), Is.EqualTo((5, 5.0, 20.0, 20.0)));
    }

    [Test]
    public void ErrorSummary_OfTenErrors_MedianIsTheMiddlePairsMean_P90IsTheNinth()
    {
        var s = ErrorSummary.Of(Enumerable.Range(1, 10).Select(i => (double)i))!;
        Assert.That((s.MedianPct, s.P90Pct, s.MaxPct), Is.EqualTo((5.5, 9.0, 10.0)));
        Assert.That(ErrorSummary.Of([]), Is.Null);
    }
}
