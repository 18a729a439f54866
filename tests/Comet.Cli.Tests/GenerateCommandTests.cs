using System.Text.Json;
using Comet.Tests.Shared;
using NUnit.Framework;

namespace Comet.Cli.Tests;

/// <summary><c>comet generate</c>: the shipped examples regenerate byte for byte, the authors' factors reproduce their cases, bad shapes get one error line, and unfused sequences run end to end.</summary>
public class GenerateCommandTests : TempFolderTest
{
    private static readonly string[][] Examples =
    [
        ["gemm-softmax-edge-fused", "gemm-softmax", "--preset", "edge", "--shape", "256x256x128", "--fused"],
        ["gemm-softmax-edge-unfused", "gemm-softmax", "--preset", "edge", "--shape", "256x256x128", "--unfused"],
        ["gemm-softmax-cloud-fused", "gemm-softmax", "--preset", "cloud", "--shape", "2048x2048x256", "--fused"],
        ["gemm-softmax-cloud-unfused", "gemm-softmax", "--preset", "cloud", "--shape", "2048x2048x256", "--unfused"],
        ["gemm-layernorm-edge-fused", "gemm-layernorm", "--preset", "edge", "--shape", "256x256x128", "--fused"],
        ["gemm-layernorm-edge-unfused", "gemm-layernorm", "--preset", "edge", "--shape", "256x256x128", "--unfused"],
        ["gemm-layernorm-cloud-fused", "gemm-layernorm", "--preset", "cloud", "--shape", "2048x2048x256", "--fused"],
        ["gemm-layernorm-cloud-unfused", "gemm-layernorm", "--preset", "cloud", "--shape", "2048x2048x256", "--unfused"],
    ];

    private static IEnumerable<TestCaseData> ExampleCases() => Examples.Select(e => new TestCaseData((object)e).SetName($"Example_RegeneratesByteForByte({e[0]})"));

    [TestCaseSource(nameof(ExampleCases))]
    public void Example_RegeneratesByteForByte(string[] example)
    {
        var shipped = Path.Combine(ReferenceCases.RepositoryRoot, "examples", "compound", example[0]);
        var fresh = Path.Combine(Root, example[0]);
        var (code, _, stderr) = Run(["generate", .. example[1..], "--out", fresh]);
        Assert.That(code, Is.Zero, stderr);
        Assert.That(Files(fresh), Is.EqualTo(Files(shipped)), "the same files");
        foreach (var file in Files(shipped))
        {
            Assert.That(File.ReadAllBytes(Path.Combine(fresh, file)), Is.EqualTo(File.ReadAllBytes(Path.Combine(shipped, file))), file);
        }
    }

    [TestCase("im_edge_M256N256K128_0", "edge", "256x256x128")]
    [TestCase("im_cloud_M2048N2048K256_0", "cloud", "2048x2048x256")]
    public void AuthorsFactors_AuthorsOrder_AnalyzeEqualsTheReferenceCase(string reference, string preset, string shape)
    {
        var authors = ReferenceCases.Case(reference);
        var factors = File.ReadAllLines(Path.Combine(authors, "const.yaml")).Skip(1)
            .Select(l => l.Trim().Split(": ")).Where(p => p[0] is not ("M" or "N" or "K")).Select(p => $"{p[0]}={p[1]}");
        var folder = Path.Combine(Root, "case");
        var (code, _, stderr) = Run(["generate", "gemm-softmax", "--preset", preset, "--shape", shape, "--authors-order", "--factor", string.Join(",", factors), "--out", folder]);
        Assert.That(code, Is.Zero, stderr);

        // Every figure of the analytic report agrees; only the input hashes differ (the text is Comet's, not the authors').
        Assert.That(WithoutHashes(Run("analyze", "--json", "--case", folder).Stdout), Is.EqualTo(WithoutHashes(Run("analyze", "--json", "--case", authors).Stdout)));
    }

    [Test]
    public void Shape_NotAMultipleOfTheSplit_OneErrorLineNamingNAndTheSplit()
    {
        var (code, stdout, stderr) = Run("generate", "gemm-softmax", "--preset", "edge", "--shape", "256x250x128", "--out", Path.Combine(Root, "x"));
        Assert.That(code, Is.EqualTo(2));
        Assert.That(stdout, Is.Empty);
        Assert.That(stderr, Is.EqualTo("error: --shape: N=250 cannot be tiled on this preset: does not split over 2x2 clusters x 2x2 cores (16 ways; a multiple of 16 is needed, or give --split)\n"));
        Assert.That(Directory.Exists(Path.Combine(Root, "x")), Is.False);
    }

    [Test]
    public void Shape_KTooDeepForTheWeightBuffer_NamesKAndTheTilesTried()
    {
        // WB holds 32768 B; B's tile per core is K x (N / 16) = 8192 x 16 = 131072 B, so no row tile helps.
        var (code, _, stderr) = Run("generate", "gemm-softmax", "--preset", "edge", "--shape", "4x256x8192", "--out", Path.Combine(Root, "x"));
        Assert.That(code, Is.EqualTo(2));
        Assert.That(stderr, Does.StartWith("error: --shape: K=8192 cannot be tiled on this preset: with N=16 per core even one row per step does not fit ("));
        Assert.That(stderr, Does.EndWith("; tried row tiles 4, 2, 1)\n"));
    }

    [Test]
    public void Split_OneCluster_NoCollectivesAndNAllOnOneCluster()
    {
        var folder = Path.Combine(Root, "one");
        var (code, stdout, stderr) = Run("generate", "gemm-softmax", "--preset", "edge", "--shape", "64x64x64", "--split", "cluster=1x1", "--out", folder);
        Assert.That(code, Is.Zero, stderr);
        Assert.That(stdout, Does.Contain("N_DRAM_spatial_X=1 N_DRAM_spatial_Y=1"));
        // 64 / (1 cluster x 4 cores) = 16 columns per core.
        Assert.That(stdout, Does.Contain("N_Compute=16"));
        Assert.That(File.ReadAllText(Path.Combine(folder, "mapping.yaml")), Does.Not.Contain("CollectiveOperation"));
    }

    [Test]
    public void ExamplePreset_OtherLevelNames_TheTreeUsesThem()
    {
        // The example architecture names its levels GBuffer, IBuffer, WBuffer, OBuffer, macengine and simdengine.
        var folder = Path.Combine(Root, "example");
        var (code, _, stderr) = Run("generate", "gemm-softmax", "--preset", "example", "--shape", "64x64x64", "--out", folder);
        Assert.That(code, Is.Zero, stderr);
        var mapping = File.ReadAllText(Path.Combine(folder, "mapping.yaml"));
        Assert.That(mapping, Does.Contain("child: [IBuffer,WBuffer,OBuffer]").And.Contain("child: [macengine,macengine,macengine]").And.Contain("target: GBuffer"));
        Assert.That(Run("analyze", "--case", folder, "--json").Code, Is.Zero);
    }

    [Test]
    public void Factor_Unknown_SuggestsTheNearest()
    {
        var (code, _, stderr) = Run("generate", "gemm-softmax", "--preset", "edge", "--shape", "256x256x128", "--factor", "M_Compte=2", "--out", Path.Combine(Root, "x"));
        Assert.That(code, Is.EqualTo(2));
        Assert.That(stderr, Does.StartWith("error: --factor: unknown factor 'M_Compte'").And.EndWith("(did you mean 'M_Compute'?)\n"));
    }

    [Test]
    public void Operation_Unknown_SuggestsTheNearest()
    {
        var (code, _, stderr) = Run("generate", "gemm-sofmax", "--preset", "edge", "--shape", "256x256x128", "--out", Path.Combine(Root, "x"));
        Assert.That(code, Is.EqualTo(2));
        Assert.That(stderr, Does.EndWith("(did you mean 'gemm-softmax'?)\n"));
    }

    [Test]
    public void Out_FolderWithSomeoneElsesFile_RefusedAndKept()
    {
        var folder = Path.Combine(Root, "mine");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "notes.txt"), "keep me");
        var (code, _, stderr) = Run("generate", "gemm-softmax", "--preset", "edge", "--shape", "256x256x128", "--out", folder);
        Assert.That(code, Is.EqualTo(2));
        Assert.That(stderr, Does.Contain("folder is not empty and is not a Comet output"));
        Assert.That(File.ReadAllText(Path.Combine(folder, "notes.txt")), Is.EqualTo("keep me"));
    }

    [Test]
    public void Unfused_Simulate_TotalsAreTheSumsAndDramCarriesTheIntermediate()
    {
        var folder = Path.Combine(Root, "unfused");
        Assert.That(Run("generate", "gemm-softmax", "--preset", "edge", "--shape", "64x64x32", "--unfused", "--out", folder).Code, Is.Zero);
        var (code, stdout, stderr) = Run("simulate", "--case", folder, "--out", Path.Combine(Root, "sim"), "--trace", "none", "--json");
        Assert.That(code, Is.Zero, stderr);
        using var doc = JsonDocument.Parse(stdout);
        var root = doc.RootElement;
        var ops = root.GetProperty("operations").EnumerateArray().ToList();
        Assert.That(ops.Select(o => o.GetProperty("step").GetString()), Is.EqualTo(new[] { "01-gemm", "02-softmax" }));
        Assert.That(root.GetProperty("simulated_cycles").GetInt64(), Is.EqualTo(ops.Sum(o => o.GetProperty("simulated_cycles").GetInt64())));
        Assert.That(root.GetProperty("analytic_cycles").GetInt64(), Is.EqualTo(ops.Sum(o => o.GetProperty("analytic_cycles").GetInt64())));
        // int8 everywhere in DRAM: the GEMM reads A (64x32) and B (32x64) and writes C (64x64); the softmax reads C and writes H (64x64).
        Assert.That(ops[0].GetProperty("dram_bytes_read").GetInt64(), Is.EqualTo((64 * 32) + (32 * 64)));
        Assert.That(ops[0].GetProperty("dram_bytes_written").GetInt64(), Is.EqualTo(64 * 64));
        Assert.That(ops[1].GetProperty("dram_bytes_read").GetInt64(), Is.EqualTo(64 * 64));
        Assert.That(ops[1].GetProperty("dram_bytes_written").GetInt64(), Is.EqualTo(64 * 64));
        Assert.That(File.Exists(Path.Combine(Root, "sim", "02-softmax", "summary.json")), Is.True);

        var analyze = Run("analyze", "--case", folder, "--json");
        using var a = JsonDocument.Parse(analyze.Stdout);
        Assert.That(a.RootElement.GetProperty("total_cycles").GetInt64(), Is.EqualTo(root.GetProperty("analytic_cycles").GetInt64()));
    }

    [Test]
    public void Unfused_Validate_OneRowHoldingTheSums()
    {
        var cases = Path.Combine(Root, "cases");
        Assert.That(Run("generate", "gemm-softmax", "--preset", "edge", "--shape", "64x64x32", "--unfused", "--out", Path.Combine(cases, "unfused")).Code, Is.Zero);
        File.Delete(Path.Combine(cases, "unfused", "run-info.json"));
        var analyze = Run("analyze", "--case", Path.Combine(cases, "unfused"), "--json");
        using var a = JsonDocument.Parse(analyze.Stdout);
        var steps = a.RootElement.GetProperty("operations").EnumerateArray().Select(o => o.GetProperty("report").GetProperty("total_cycles").GetInt64()).ToList();
        Assert.That(steps, Has.Count.EqualTo(2));

        var (code, stdout, stderr) = Run("validate", "--cases", cases, "--out", Path.Combine(Root, "val"), "--json");
        Assert.That(code, Is.Zero, stderr);
        using var v = JsonDocument.Parse(stdout);
        var row = v.RootElement.GetProperty("cases").EnumerateArray().Single();
        Assert.That(row.GetProperty("status").GetString(), Is.EqualTo("ok"));
        Assert.That(row.GetProperty("analytic_total_cycles").GetInt64(), Is.EqualTo(steps.Sum()));
    }

    private static List<string> Files(string folder) =>
        [.. Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(folder, f).Replace('\\', '/')).Where(f => f != "run-info.json").Order(StringComparer.Ordinal)];

    private static string WithoutHashes(string json) => string.Join("\n", json.Split('\n').Where(l => !System.Text.RegularExpressions.Regex.IsMatch(l, "\"[a-z]+\": \"[0-9a-f]{64}\"")));

    private static (int Code, string Stdout, string Stderr) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = CometCli.Run(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }
}
