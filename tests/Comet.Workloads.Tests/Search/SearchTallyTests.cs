using Comet.Workloads.Generation;
using Comet.Workloads.Search;
using NUnit.Framework;

namespace Comet.Workloads.Tests.Search;

/// <summary>The running tally of a search: its top k is the ranking's first k (ties by index), its counts and points are the candidates', its Pareto front is the brute-force one, and it refuses candidates out of index order.</summary>
public class SearchTallyTests
{
    private static readonly TilingSpace Space = new GemmSoftmaxTemplate().Searchable(new GenerationRequest("gemm-softmax", "edge", new Dictionary<string, long> { ["M"] = 16, ["N"] = 16, ["K"] = 2 }, true), wide: true).Space;

    [TestCase(SearchObjective.Cycles, 1)]
    [TestCase(SearchObjective.Energy, 4)]
    [TestCase(SearchObjective.Edp, 40)]
    public void Top_IsTheRankingsFirstK_TiesByIndex(SearchObjective objective, int k)
    {
        // Made-up figures with many ties: cycles 100 + (i mod 7), energy 50 − (i mod 5); every third candidate pruned.
        var candidates = Candidates(60).ToList();
        var tally = new SearchTally(objective, k);
        candidates.ForEach(tally.Add);
        var expected = SearchRanking.Rank(candidates, objective).Take(k).Select(c => c.Tiling.Index);
        Assert.That(tally.Top.Select(c => c.Tiling.Index), Is.EqualTo(expected));
        Assert.That((tally.Candidates, tally.Pruned, tally.Costed, tally.Invalid), Is.EqualTo((60L, 20L, 40L, 0L)));
        Assert.That(Enumerable.Range(0, tally.Points.Count).Select(i => (tally.Points.Cycles(i), tally.Points.EnergyPj(i))), Is.EqualTo(candidates.Where(c => c.IsCosted).Select(c => (c.Cycles!.Value, c.EnergyPj!.Value))));
    }

    [Test]
    public void ParetoFront_IsThePointsNoOtherBeatsOnBoth()
    {
        var tally = new SearchTally(SearchObjective.Cycles, 1);
        Candidates(60).ToList().ForEach(tally.Add);
        var p = tally.Points;
        var all = Enumerable.Range(0, p.Count).Select(i => (C: p.Cycles(i), E: p.EnergyPj(i))).ToList();

        // Brute force: a point is on the front when no other has cycles ≤ and energy ≤ with one of them strictly lower; equal points count once.
        var expected = all.Where(a => !all.Any(b => b.C <= a.C && b.E <= a.E && (b.C < a.C || b.E < a.E))).Distinct().OrderBy(a => a.C).ToList();
        Assert.That(SearchRanking.ParetoFront(p).Select(i => all[i]), Is.EqualTo(expected));
    }

    [Test]
    public void ACandidateOutOfIndexOrder_IsRefused()
    {
        var tally = new SearchTally(SearchObjective.Cycles, 3);
        var candidates = Candidates(3).ToList();
        tally.Add(candidates[1]);
        Assert.Throws<InvalidOperationException>(() => tally.Add(candidates[0]));
    }

    private static IEnumerable<CandidateCost> Candidates(int count)
    {
        var i = 0;
        foreach (var t in Space.Enumerate().Take(count))
        {
            yield return i % 3 == 2
                ? new CandidateCost(t, "pruned: too big", null, null, 0)
                : new CandidateCost(t, CandidateCost.Ok, 100 + (i % 7), 50 - (i % 5), 0);
            i++;
        }
    }
}
