using System.Text.Json;
using Comet.Cli.Commands;
using Comet.Hardware.Micro;
using NUnit.Framework;

namespace Comet.Cli.Tests;

/// <summary><c>comet compare --suite micro</c>: the JSON carries the hand-derived figures, the table says every case holds, bad suites are input errors.</summary>
public class CompareCommandTests
{
    private static (int Code, string Stdout, string Stderr) Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = CometCli.Run(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    // (expected, simulated) of a few cases, derived by hand (NetworkMicroCasesTests, EngineMicroCasesTests).
    [TestCase("mesh-unicast-3-hops", 527L, 527L)]                    // 3·5 + 65536/128
    [TestCase("mesh-unicast-3-hops-store-and-forward", 1551L, 1551L)] // 3·(5 + 512)
    [TestCase("contention-two-flows-one-link", 522L, 1034L)]         // alone 2·5 + 512; shared packet by packet
    [TestCase("engine-systolic-output-stationary", 705L, 705L)]      // 15 folds × (16 + 16 + 17 − 2)
    [TestCase("engine-simd-exp", 768L, 768L)]                        // 3 · 4096/16
    public void Json_GivesTheHandDerivedCycles(string name, long expected, long simulated)
    {
        var (code, stdout, stderr) = Run("compare", "--suite", "micro", "--json");

        Assert.That(code, Is.Zero, stderr);
        using var doc = JsonDocument.Parse(stdout);
        Assert.That(doc.RootElement.EnumerateObject().Select(p => p.Name), Is.EqualTo(new[] { "cases" }));
        var c = doc.RootElement.GetProperty("cases").EnumerateArray().Single(e => e.GetProperty("name").GetString() == name);
        Assert.That(c.EnumerateObject().Select(p => p.Name), Is.EqualTo(new[] { "name", "formula", "expected_cycles", "simulated_cycles" }));
        Assert.That((c.GetProperty("expected_cycles").GetInt64(), c.GetProperty("simulated_cycles").GetInt64()), Is.EqualTo((expected, simulated)));
        Assert.That(c.GetProperty("formula").GetString(), Is.Not.Empty);
    }

    [Test]
    public void Table_ListsEveryCase_AndEndsWithTheCount()
    {
        var (code, stdout, _) = Run("compare", "--suite", "micro");
        var (_, json, _) = Run("compare", "--suite", "micro", "--json");
        var count = JsonDocument.Parse(json).RootElement.GetProperty("cases").GetArrayLength();

        Assert.That(code, Is.Zero);
        Assert.That(stdout, Does.Contain($"{count} of {count} cases hold"));
        Assert.That(stdout, Does.Contain("contention-hotspot"));
    }

    [TestCase("--suite", "nano")]
    public void UnknownSuite_IsBadInput(params string[] extra)
    {
        var (code, _, stderr) = Run(["compare", .. extra]);

        Assert.That(code, Is.EqualTo(2));
        Assert.That(stderr, Does.StartWith("error: --suite: unknown suite 'nano' (expected micro)"));
    }

    [Test]
    public void NothingToCompare_IsBadInput()
    {
        var (code, _, stderr) = Run("compare");

        Assert.That(code, Is.EqualTo(2));
        Assert.That(stderr, Does.StartWith("error: compare: say what to compare, one of: --suite micro, --case DIR, --cases DIR"));
    }

    [Test]
    public void Case_GemmOnly_WritesItsFiles_AndItsSharesAddUpToTheGap()
    {
        var folder = ReferenceCases.Case("gemm_only");
        if (!Directory.Exists(folder))
        {
            Assert.Inconclusive("gemm_only is not on this machine");
        }

        var output = Path.Combine(Path.GetTempPath(), $"comet-compare-{Guid.NewGuid():N}");
        try
        {
            var (code, stdout, stderr) = Run("compare", "--case", folder, "--out", output, "--json");

            Assert.That(code, Is.Zero, stderr);
            using var doc = JsonDocument.Parse(stdout);
            var c = doc.RootElement.GetProperty("cases").EnumerateArray().Single();
            Assert.That(c.GetProperty("name").GetString(), Is.EqualTo("gemm_only"));
            var attribution = c.GetProperty("attribution");
            Assert.That(attribution.EnumerateObject().Select(p => p.Name), Is.EqualTo(new[] { "network", "transfers", "collectives", "instances", "reuse", "residual" }));
            var gap = c.GetProperty("simulated_cycles").GetInt64() - c.GetProperty("analytic_cycles").GetInt64();
            Assert.That(attribution.EnumerateObject().Sum(p => p.Value.GetDouble()), Is.EqualTo(gap));
            Assert.That(c.GetProperty("components").GetArrayLength(), Is.GreaterThan(0));
            foreach (var file in new[] { "compare.csv", "compare.md", "compare.png", "compare.svg", "attribution.png", "attribution.svg", "run-info.json" })
            {
                Assert.That(File.Exists(Path.Combine(output, file)), Is.True, file);
            }

            Assert.That(stderr, Does.Contain("[6/6] simulations"));
        }
        finally
        {
            if (Directory.Exists(output))
            {
                Directory.Delete(output, recursive: true);
            }
        }
    }

    [Test]
    public void CaseAndSuiteTogether_IsBadInput()
    {
        var (code, _, stderr) = Run("compare", "--suite", "micro", "--case", ".");

        Assert.That(code, Is.EqualTo(2));
        Assert.That(stderr, Does.StartWith("error: compare: say what to compare"));
    }

    [Test]
    public void ACaseThatDoesNotHold_ExitsOne_AfterPrintingEveryCase()
    {
        MicroCase[] cases = [new("mesh-x", "f", 10, 10), new("mesh-y", "f", 10, 11), new("contention-z", "f", 10, 10)];
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        var code = CompareCommand.Report(cases, json: true, stdout, stderr);

        Assert.That(code, Is.EqualTo(1));
        Assert.That(JsonDocument.Parse(stdout.ToString()).RootElement.GetProperty("cases").GetArrayLength(), Is.EqualTo(3));
        Assert.That(stderr.ToString(), Does.StartWith("error: internal: 2 micro case(s) do not hold: mesh-y, contention-z"));
        Assert.That(CompareCommand.Report(cases[..1], json: false, TextWriter.Null, TextWriter.Null), Is.Zero);
    }
}
