using System.Text.Json;
using NUnit.Framework;

namespace Comet.Cli.Tests;

/// <summary><c>comet</c> / <c>comet run</c>: the shipped example, analytic and simulated.</summary>
public class RunCommandTests
{
    [Test]
    public void Run_Json_ComparesTheShippedExampleBothWays()
    {
        var outFolder = Path.Combine(Path.GetTempPath(), "comet-run-" + Guid.NewGuid().ToString("N"));
        try
        {
            var stdout = new StringWriter();
            var stderr = new StringWriter();
            var code = CometCli.Run(["run", "--out", outFolder, "--trace", "none", "--json"], stdout, stderr);

            Assert.That(code, Is.Zero, stderr.ToString());
            using var doc = JsonDocument.Parse(stdout.ToString());
            Assert.That(doc.RootElement.GetProperty("analytic_cycles").GetInt64(), Is.EqualTo(3141418));
            var nodes = doc.RootElement.GetProperty("nodes").EnumerateArray().ToDictionary(n => n.GetProperty("node").GetString()!, n => n.GetProperty("simulated_cycles").GetDouble());
            Assert.That(nodes["DataMovementTileNode::5"], Is.EqualTo(8898), "the GEMM leaf on an idle core matches the closed form");
            Assert.That(nodes["DataMovementTileNode::9"], Is.EqualTo(1026), "the softmax leaf matches the closed form");
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
