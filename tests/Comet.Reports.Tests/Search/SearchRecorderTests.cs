using System.Globalization;
using Comet.Reports.Search;
using Comet.Workloads.Generation;
using Comet.Workloads.Search;
using NUnit.Framework;

namespace Comet.Reports.Tests.Search;

/// <summary>A streamed search: search.csv does not depend on the costing window, its rows are every candidate's in index order with only the top rows' simulated columns filled, and the tally keeps exactly the ranking's best.</summary>
public class SearchRecorderTests : TempFolderTest
{
    private static SearchSetup Setup() => new GemmSoftmaxTemplate().Searchable(new GenerationRequest("gemm-softmax", "edge", new Dictionary<string, long> { ["M"] = 16, ["N"] = 16, ["K"] = 4 }, true), wide: false);

    [Test]
    public void WindowsOf7And4096_WriteTheSameSearchCsv()
    {
        var setup = Setup();
        var (small, smallTop) = Record(setup, window: 7, "w7");
        var (large, largeTop) = Record(setup, window: 4096, "w4096");
        Assert.That(small, Is.EqualTo(large));
        Assert.That(smallTop, Is.EqualTo(largeTop));

        // Many windows of 7 against one of 4096.
        var rows = File.ReadAllLines(Path.Combine(Root, "w7", "search.csv")).Skip(1).ToList();
        Assert.That(rows, Has.Count.GreaterThan(7 * 10));
        Assert.That(File.Exists(Path.Combine(Root, "w7", "search.csv" + SearchRecorder.PartialSuffix)), Is.False, "the temporary rows file is deleted");
    }

    [Test]
    public void Rows_AreEveryCandidateInIndexOrder_OnlyTheTopRowsSimulated()
    {
        var setup = Setup();
        var whole = MappingSearch.Run(setup, ShardSpec.Whole, 2, null, CancellationToken.None);
        var (_, top) = Record(setup, window: 7, "rows");
        var rows = File.ReadAllLines(Path.Combine(Root, "rows", "search.csv")).Skip(1).Select(r => r.Split(',')).ToList();
        Assert.That(rows.Select(r => long.Parse(r[0], CultureInfo.InvariantCulture)), Is.EqualTo(whole.Select(c => c.Tiling.Index)));

        // The top 3 by cycles (ties by index) carry the made-up figures 1000·rank; every other row ends with three empty fields.
        var expected = SearchRanking.Rank(whole, SearchObjective.Cycles).Take(3).Select(c => c.Tiling.Index).ToList();
        Assert.That(top, Is.EqualTo(expected));
        var simulated = rows.Where(r => r[^1].Length > 0).ToList();
        var want = expected.Select((index, rank) => (Index: index, Cycles: (rank + 1) * 1000L, Rank: rank + 1)).OrderBy(t => t.Index).ToList();
        Assert.That(simulated.Select(r => (long.Parse(r[0], CultureInfo.InvariantCulture), long.Parse(r[^3], CultureInfo.InvariantCulture), int.Parse(r[^1], CultureInfo.InvariantCulture))), Is.EqualTo(want));
        Assert.That(rows.Where(r => r[^1].Length == 0), Has.All.Matches<string[]>(r => r[^1].Length == 0 && r[^2].Length == 0 && r[^3].Length == 0));
    }

    // Streams the search through a recorder with the given window, fills the top three with simulated cycles 1000·rank, and returns search.csv's bytes and the top's indices.
    private (byte[] Csv, List<long> Top) Record(SearchSetup setup, int window, string folder)
    {
        Directory.CreateDirectory(Path.Combine(Root, folder));
        var csv = Path.Combine(Root, folder, "search.csv");
        using var recorder = new SearchRecorder(setup.Space, SearchObjective.Cycles, 3, csv + SearchRecorder.PartialSuffix);
        MappingSearch.Stream(setup, ShardSpec.Whole, 2, recorder.Add, null, CancellationToken.None, window: window);
        var top = recorder.Tally.Top.Select(c => c.Tiling.Index).ToList();
        recorder.Complete(csv, top.Select((i, rank) => (i, rank)).ToDictionary(p => p.i, p => (new SimulatedFigures((p.rank + 1) * 1000L, 1.5, "ok"), p.rank + 1)));
        return (File.ReadAllBytes(csv), top);
    }
}
