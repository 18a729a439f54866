using System.Globalization;
using System.Text.Json;
using Comet.Tests.Shared;
using NUnit.Framework;

namespace Comet.Cli.Tests;

/// <summary><c>comet search</c> and <c>comet merge</c>: four shards merged equal one run byte for byte, best/ is a runnable case whose analytic cycles are the winner's, and an incomplete set of shards is refused.</summary>
public class SearchCommandTests : TempFolderTest
{
    private static readonly string[] Tiny = ["search", "gemm-softmax", "--preset", "edge", "--shape", "16x16x4", "--top", "3"];

    [Test]
    public void FourShards_Merged_EqualOneRun_ByteForByte()
    {
        var one = Path.Combine(Root, "one");
        var (code, _, stderr) = Run([.. Tiny, "--jobs", "2", "--out", one]);
        Assert.That(code, Is.Zero, stderr);
        var shards = Enumerable.Range(0, 4).Select(k => Path.Combine(Root, $"shard{k}")).ToList();
        for (var k = 0; k < 4; k++)
        {
            var shard = Run([.. Tiny, "--shard", $"{k}/4", "--jobs", "1", "--out", shards[k]]);
            Assert.That(shard.Code, Is.Zero, shard.Stderr);
        }

        var merged = Path.Combine(Root, "merged");
        var merge = Run(["merge", shards[2], shards[0], shards[3], shards[1], "--out", merged]);
        Assert.That(merge.Code, Is.Zero, merge.Stderr);
        var compared = Files(one).Where(f => f == "search.csv" || f.StartsWith("best/", StringComparison.Ordinal)).ToList();
        Assert.That(compared, Has.Count.EqualTo(6), "search.csv and best/ with its five files");
        Assert.That(Files(merged), Is.EqualTo(Files(one)));
        foreach (var file in compared)
        {
            Assert.That(File.ReadAllBytes(Path.Combine(merged, file)), Is.EqualTo(File.ReadAllBytes(Path.Combine(one, file))), file);
        }

        // Each shard holds exactly the rows whose index is k mod 4.
        var rows = File.ReadAllLines(Path.Combine(one, "search.csv")).Skip(1).ToList();
        var shardRows = File.ReadAllLines(Path.Combine(shards[1], "search.csv")).Skip(1).ToList();
        Assert.That(shardRows.Select(r => long.Parse(r.Split(',')[0], CultureInfo.InvariantCulture)), Is.All.Matches<long>(i => i % 4 == 1));
        Assert.That(shardRows, Has.Count.EqualTo(rows.Count(r => long.Parse(r.Split(',')[0], CultureInfo.InvariantCulture) % 4 == 1)));
    }

    [Test]
    public void Best_IsRunnable_AnalyzeGivesTheWinnersAnalyticCycles()
    {
        var output = Path.Combine(Root, "out");
        var (code, stdout, stderr) = Run(["search", "gemm-softmax", "--preset", "edge", "--shape", "4x16x2", "--top", "2", "--out", output]);
        Assert.That(code, Is.Zero, stderr);
        var header = File.ReadLines(Path.Combine(output, "search.csv")).First().Split(',');
        var winner = File.ReadLines(Path.Combine(output, "search.csv")).Skip(1).Select(l => l.Split(',')).Single(r => r[Array.IndexOf(header, "top_rank")] == "1");
        var analyze = Run("analyze", "--case", Path.Combine(output, "best"), "--json");
        Assert.That(analyze.Code, Is.Zero, analyze.Stderr);
        using var json = JsonDocument.Parse(analyze.Stdout);
        Assert.That(json.RootElement.GetProperty("total_cycles").GetInt64().ToString(CultureInfo.InvariantCulture), Is.EqualTo(winner[Array.IndexOf(header, "analytic_cycles")]));
        Assert.That(stdout, Does.Contain("20 candidates: 0 pruned"));
    }

    [Test]
    public void Merge_AShardMissing_OneErrorLineNamingIt()
    {
        var shards = Enumerable.Range(0, 2).Select(k => Path.Combine(Root, $"shard{k}")).ToList();
        for (var k = 0; k < 2; k++)
        {
            Assert.That(Run([.. Tiny, "--shard", $"{k}/3", "--out", shards[k]]).Code, Is.Zero);
        }

        var (code, _, stderr) = Run(["merge", .. shards, "--out", Path.Combine(Root, "merged")]);
        Assert.That(code, Is.EqualTo(2));
        Assert.That(stderr, Is.EqualTo("error: merge: DIR: shards 2/3 are missing (1 of 3)\n"));
    }

    private static List<string> Files(string folder) =>
        [.. Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(folder, f).Replace('\\', '/')).Where(f => f != "run-info.json").Order(StringComparer.Ordinal)];

    private static (int Code, string Stdout, string Stderr) Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = CometCli.Run(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }
}
