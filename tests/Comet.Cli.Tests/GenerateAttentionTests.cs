using System.Text.Json;
using Comet.Tests.Shared;
using NUnit.Framework;

namespace Comet.Cli.Tests;

/// <summary><c>comet generate attention</c>: the BERT-base examples regenerate byte for byte, the shape options are checked, and the fused case moves a ninth of the unfused one's DRAM bytes.</summary>
public class GenerateAttentionTests : TempFolderTest
{
    private static readonly string[] Bert = ["--seq", "512", "--heads", "12", "--head-dim", "64"];

    private static readonly string[][] Examples =
    [
        ["attention-edge-fused", "--preset", "edge", "--fused"],
        ["attention-edge-unfused", "--preset", "edge", "--unfused"],
        ["attention-cloud-fused", "--preset", "cloud", "--fused"],
        ["attention-cloud-unfused", "--preset", "cloud", "--unfused"],
    ];

    private static IEnumerable<TestCaseData> ExampleCases() => Examples.Select(e => new TestCaseData((object)e).SetName($"Example_RegeneratesByteForByte({e[0]})"));

    [TestCaseSource(nameof(ExampleCases))]
    public void Example_RegeneratesByteForByte(string[] example)
    {
        var shipped = Path.Combine(ReferenceCases.RepositoryRoot, "examples", "compound", example[0]);
        var fresh = Path.Combine(Root, example[0]);
        var (code, _, stderr) = Run(["generate", "attention", .. example[1..], .. Bert, "--out", fresh]);
        Assert.That(code, Is.Zero, stderr);
        Assert.That(Files(fresh), Is.EqualTo(Files(shipped)), "the same files");
        foreach (var file in Files(shipped))
        {
            Assert.That(File.ReadAllBytes(Path.Combine(fresh, file)), Is.EqualTo(File.ReadAllBytes(Path.Combine(shipped, file))), file);
        }
    }

    [Test]
    public void Shape_InsteadOfSeq_OneErrorLine()
    {
        var (code, stdout, stderr) = Run("generate", "attention", "--preset", "edge", "--shape", "512x512x64", "--out", Path.Combine(Root, "x"));
        Assert.That((code, stdout), Is.EqualTo((2, string.Empty)));
        Assert.That(stderr, Is.EqualTo("error: --shape: attention takes --seq L --heads H --head-dim D [--batch B] instead of --shape\n"));
    }

    [Test]
    public void MissingHeadDim_NamesTheOption()
    {
        var (code, _, stderr) = Run("generate", "attention", "--preset", "edge", "--seq", "512", "--heads", "12", "--out", Path.Combine(Root, "x"));
        Assert.That(code, Is.EqualTo(2));
        Assert.That(stderr, Does.StartWith("error: --head-dim: missing"));
    }

    [Test]
    public void SeqOnGemmSoftmax_IsRefused()
    {
        var (code, _, stderr) = Run("generate", "gemm-softmax", "--preset", "edge", "--shape", "256x256x128", "--seq", "512", "--out", Path.Combine(Root, "x"));
        Assert.That(code, Is.EqualTo(2));
        Assert.That(stderr, Is.EqualTo("error: --seq: only attention takes --seq (gemm-softmax takes --shape)\n"));
    }

    [Test]
    public void SeqNotAMultipleOfTheRowSplit_NamesLAndTheSplit()
    {
        // 4 heads fill the edge preset's 2×2 clusters; the query rows split over 2×2 cores: L must be a multiple of 4.
        var (code, _, stderr) = Run("generate", "attention", "--preset", "edge", "--seq", "30", "--heads", "4", "--head-dim", "16", "--out", Path.Combine(Root, "x"));
        Assert.That(code, Is.EqualTo(2));
        Assert.That(stderr, Is.EqualTo("error: --shape: L=30 cannot be tiled on this preset: does not split over 1x1 clusters x 2x2 cores (4 ways; a multiple of 4 is needed, or give --split)\n"));
    }

    [Test]
    public void Batch_FoldsIntoHeads()
    {
        // Batch 2 × 2 heads = 4 independent problems: the same case as 4 heads of batch 1.
        var (c1, _, e1) = Run("generate", "attention", "--preset", "edge", "--seq", "32", "--heads", "2", "--batch", "2", "--head-dim", "16", "--out", Path.Combine(Root, "b2"));
        var (c2, _, e2) = Run("generate", "attention", "--preset", "edge", "--seq", "32", "--heads", "4", "--head-dim", "16", "--out", Path.Combine(Root, "b1"));
        Assert.That((c1, c2), Is.EqualTo((0, 0)), e1 + e2);
        Assert.That(File.ReadAllText(Path.Combine(Root, "b2", "const.yaml")).Split('\n').Skip(1), Is.EqualTo(File.ReadAllText(Path.Combine(Root, "b1", "const.yaml")).Split('\n').Skip(1)));
    }

    [Test]
    public void BertOnEdge_FusedMovesQKVAndOut_UnfusedAlsoSAndPTwice()
    {
        // 12 heads × 512 × 64 B = 393,216 B per tensor; S and P 12 × 512 × 512 B = 3,145,728 B each, written once and read once.
        static long Dram(string json, string key) => JsonDocument.Parse(json).RootElement.GetProperty(key).GetInt64();
        var fused = Path.Combine(Root, "f");
        var unfused = Path.Combine(Root, "u");
        Assert.That(Run(["generate", "attention", "--preset", "edge", .. Bert, "--out", fused]).Code, Is.Zero);
        Assert.That(Run(["generate", "attention", "--preset", "edge", "--unfused", .. Bert, "--out", unfused]).Code, Is.Zero);
        var u = Run("simulate", "--case", unfused, "--trace", "none", "--out", Path.Combine(Root, "us"), "--json").Stdout;
        Assert.That(Dram(u, "dram_bytes_read") + Dram(u, "dram_bytes_written"), Is.EqualTo((4 * 393_216L) + (4 * 3_145_728L)));
        var f = JsonDocument.Parse(Run("simulate", "--case", fused, "--trace", "none", "--out", Path.Combine(Root, "fs"), "--json").Stdout).RootElement;
        var dram = f.GetProperty("levels").EnumerateArray().Single(l => l.GetProperty("level").GetString() == "DRAM");
        Assert.That(dram.GetProperty("bytes_read").GetInt64() + dram.GetProperty("bytes_written").GetInt64(), Is.EqualTo(4 * 393_216L));
    }

    [Test]
    public void Search_TinyShape_CostsEveryTilingAndWritesTheBest()
    {
        // L 32, 4 heads, D 16 on edge: 8 rows per core as query blocks x tile (4 ways) and 32 keys as K/V blocks x block
        // (6 ways): 24 candidates, all fit, one CSV row each.
        var folder = Path.Combine(Root, "search");
        var (code, stdout, stderr) = Run("search", "attention", "--preset", "edge", "--seq", "32", "--heads", "4", "--head-dim", "16", "--top", "1", "--jobs", "1", "--out", folder);
        Assert.That(code, Is.Zero, stderr);
        Assert.That(stdout, Does.Contain("24 candidates"));
        Assert.That(File.ReadAllLines(Path.Combine(folder, "search.csv")), Has.Length.EqualTo(25));
        Assert.That(File.Exists(Path.Combine(folder, "best", "mapping.yaml")), Is.True);
    }

    private static List<string> Files(string folder) =>
        [.. Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(folder, f).Replace('\\', '/')).Where(f => f != "run-info.json").Order(StringComparer.Ordinal)];

    private static (int Code, string Stdout, string Stderr) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = CometCli.Run(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }
}
