using System.Globalization;
using System.Text.Json;
using Comet.Tests.Shared;
using NUnit.Framework;

namespace Comet.Cli.Tests;

/// <summary><c>comet search gemm-layernorm</c>, fused and unfused: best/ is a runnable case (a sequence folder when unfused) whose analytic cycles are the winner's.</summary>
public class SearchGemmLayerNormTests : TempFolderTest
{
    // Fused 4x16x2: the authors' space of 20 candidates (GemmLayerNormSearchTests counts it); unfused 16x16x2: the
    // LayerNorm step needs M to split over the 16 cores: 15 GEMM row splits x 5 SIMD splits of N = 75 (the Workloads test's count).
    [TestCase("--fused", "4x16x2", "20 candidates: 0 pruned")]
    [TestCase("--unfused", "16x16x2", "75 candidates: 0 pruned")]
    public void Best_IsRunnable_AnalyzeGivesTheWinnersAnalyticCycles(string dataflow, string shape, string summary)
    {
        var output = Path.Combine(Root, "out");
        var (code, stdout, stderr) = Run(["search", "gemm-layernorm", "--preset", "edge", "--shape", shape, dataflow, "--top", "2", "--out", output]);
        Assert.That(code, Is.Zero, stderr);
        var header = File.ReadLines(Path.Combine(output, "search.csv")).First().Split(',');
        var winner = File.ReadLines(Path.Combine(output, "search.csv")).Skip(1).Select(l => l.Split(',')).Single(r => r[Array.IndexOf(header, "top_rank")] == "1");
        var analyze = Run("analyze", "--case", Path.Combine(output, "best"), "--json");
        Assert.That(analyze.Code, Is.Zero, analyze.Stderr);
        using var json = JsonDocument.Parse(analyze.Stdout);
        Assert.That(json.RootElement.GetProperty("total_cycles").GetInt64().ToString(CultureInfo.InvariantCulture), Is.EqualTo(winner[Array.IndexOf(header, "analytic_cycles")]));
        Assert.That(stdout, Does.Contain(summary));
    }

    private static (int Code, string Stdout, string Stderr) Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = CometCli.Run(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }
}
