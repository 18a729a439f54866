using System.Text.Json;
using NUnit.Framework;

namespace Comet.Cli.Tests;

/// <summary><c>comet</c> / <c>comet run</c>: the built-in default case, analytic and simulated.</summary>
public class RunCommandTests
{
    [Test]
    public void Run_Json_ComparesTheDefaultCaseBothWaysAndShowsCollectiveWaits()
    {
        var outFolder = Path.Combine(Path.GetTempPath(), "comet-run-" + Guid.NewGuid().ToString("N"));
        try
        {
            var stdout = new StringWriter();
            var stderr = new StringWriter();
            var code = CometCli.Run(["run", "--out", outFolder, "--trace", "none", "--json"], stdout, stderr);

            Assert.That(code, Is.Zero, stderr.ToString());
            using var doc = JsonDocument.Parse(stdout.ToString());

            // The same figure `comet analyze --case examples/compound/gemm-softmax-edge-fused` gives (docs/generate.md).
            Assert.That(doc.RootElement.GetProperty("analytic_cycles").GetInt64(), Is.EqualTo(19848));

            // What the default run is for: lanes of the split N wait for each other at the all-reduces.
            var collectiveIdle = doc.RootElement.GetProperty("idle").EnumerateArray().Sum(i => i.GetProperty("collective").GetInt64());
            Assert.That(collectiveIdle, Is.GreaterThan(0));
            Assert.That(doc.RootElement.GetProperty("collectives").GetArrayLength(), Is.EqualTo(2), "all-reduce of the row max and of the row sum");
            Assert.That(File.Exists(Path.Combine(outFolder, "summary.json")));
        }
        finally
        {
            if (Directory.Exists(outFolder))
            {
                Directory.Delete(outFolder, recursive: true);
            }
        }
    }
}
