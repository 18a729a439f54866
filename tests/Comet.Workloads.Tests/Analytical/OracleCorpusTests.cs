using System.Text.Json;
using Comet.Hardware.Inputs;
using Comet.Workloads.Analytical;
using Comet.Workloads.Inputs;
using Comet.Workloads.Tests.Inputs;
using NUnit.Framework;

namespace Comet.Workloads.Tests.Analytical;

/// <summary>Runs every case of the differential corpus (tests/data/oracle) through the model and compares with the tool's output.</summary>
public class OracleCorpusTests
{
    /// <summary>The corpus folders.</summary>
    public static IEnumerable<TestCaseData> Cases()
    {
        var root = Path.Combine(ReferencePaths.RepositoryRoot, "tests", "data", "oracle");
        if (!Directory.Exists(root))
        {
            yield break;
        }

        foreach (var dir in Directory.GetDirectories(root).OrderBy(d => d, StringComparer.Ordinal))
        {
            if (File.Exists(Path.Combine(dir, "expected.json")))
            {
                yield return new TestCaseData(Path.GetFileName(dir)).SetName($"Oracle_{Path.GetFileName(dir)}");
            }
        }
    }

    [TestCaseSource(nameof(Cases))]
    public void Evaluate_CorpusCase_MatchesTool(string name)
    {
        var dir = Path.Combine(ReferencePaths.RepositoryRoot, "tests", "data", "oracle", name);
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "expected.json")));
        var expected = json.RootElement;
        var flags = File.Exists(Path.Combine(dir, "flags.txt")) ? File.ReadAllText(Path.Combine(dir, "flags.txt")) : string.Empty;
        var options = new AnalyticOptions(flags.Contains("--calc_noc_energy", StringComparison.Ordinal));
        var exit = expected.GetProperty("exit_code").GetInt32();
        if (exit != 0)
        {
            var error = expected.TryGetProperty("error", out var e) ? e.GetString() ?? string.Empty : string.Empty;
            if (error.Contains("out_of_range", StringComparison.Ordinal))
            {
                // the tool's hop table misses this mesh; Comet derives the hop count and evaluates
                var set = CometInputLoader.LoadFolder(dir);
                var report = AnalyticalModel.Evaluate(set, options);
                Assert.That(report.TotalCycles, Is.GreaterThan(0));
                Assert.That(report.MeshExtensions, Is.Not.Empty, "a mesh the tool has no hop table for is reported as Comet's extension");
                return;
            }

            Assert.Throws<InputException>(() =>
            {
                var set = CometInputLoader.LoadFolder(dir);
                AnalyticalModel.Evaluate(set, options);
            }, $"the tool failed with: {error}");
            return;
        }

        var inputs = CometInputLoader.LoadFolder(dir);
        var result = AnalyticalModel.Evaluate(inputs, options);
        var diffs = OracleComparison.Differences(result, expected);
        Assert.That(diffs, Is.Empty, string.Join("\n", diffs.Take(25)));
        Assert.That(result.MeshExtensions, Is.Empty, "the tool evaluated this case, so every mesh it priced is in its hop table");
    }
}
