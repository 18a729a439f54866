using Comet.Tests.Shared;
using NUnit.Framework;

namespace Comet.Cli.Tests;

/// <summary><c>comet search --limit N</c>: the first N candidates' rows are the full run's first N rows (simulated columns aside), no temporary file is left, and a limit with a shard is refused.</summary>
public class SearchLimitTests : TempFolderTest
{
    private static readonly string[] Tiny = ["search", "gemm-softmax", "--preset", "edge", "--shape", "16x16x4", "--top", "1"];

    [Test]
    public void Limit_WritesTheFirstNRowsOfTheFullRun()
    {
        var (whole, limited) = (Path.Combine(Root, "whole"), Path.Combine(Root, "limited"));
        Assert.That(Run([.. Tiny, "--out", whole]).Code, Is.Zero);
        var (code, stdout, stderr) = Run([.. Tiny, "--limit", "9", "--out", limited]);
        Assert.That(code, Is.Zero, stderr);
        Assert.That(stdout, Does.Contain("9 candidates:"));

        // Rows without their three simulated fields: equal to the whole run's first nine.
        static List<string> Rows(string folder, int n) => [.. File.ReadLines(Path.Combine(folder, "search.csv")).Take(n + 1).Select(l => l[..l.LastIndexOf(',', l.LastIndexOf(',', l.LastIndexOf(',') - 1) - 1)])];
        Assert.That(Rows(limited, 9), Is.EqualTo(Rows(whole, 9)));
        Assert.That(File.ReadLines(Path.Combine(limited, "search.csv")).Count(), Is.EqualTo(10));
        Assert.That(Directory.EnumerateFiles(limited, "*.partial", SearchOption.AllDirectories), Is.Empty);
    }

    [Test]
    public void LimitWithShard_IsRefused()
    {
        var (code, _, stderr) = Run([.. Tiny, "--limit", "9", "--shard", "0/2", "--out", Path.Combine(Root, "x")]);
        Assert.That(code, Is.EqualTo(2));
        Assert.That(stderr, Does.Contain("--limit and --shard are mutually exclusive"));
    }

    private static (int Code, string Stdout, string Stderr) Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = CometCli.Run(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }
}
