using System.Text.Json;
using NUnit.Framework;

namespace Comet.Cli.Tests;

/// <summary>The mechanism options (<c>--network</c>, <c>--transfers</c>, <c>--collectives</c>, <c>--instances</c>, <c>--reuse</c>, <c>--prefetch</c>): the realistic mechanisms by default, the formula's assumption on request, bad values refused.</summary>
public class MechanismOptionsTests : TempFolderTest
{
    [TestCase("--instances", "wavefront")]
    [TestCase("--reuse", "lru")]
    [TestCase("--prefetch", "always")]
    [TestCase("--network", "wormhole")]
    [TestCase("--transfers", "eager")]
    [TestCase("--collectives", "butterfly")]
    public void UnknownMode_IsAnInputError(string option, string value)
    {
        var paths = ErrorReportingTests.CopyCase("gemm_only", Path.Combine(Root, "inputs"));
        var (code, _, stderr) = Run([.. ErrorReportingTests.Arguments("simulate", paths, Path.Combine(Root, "out")), option, value]);
        Assert.That(code, Is.EqualTo(2));
        Assert.That(stderr, Does.StartWith("error: " + option));
    }

    [Test]
    public void Defaults_WriteTheModesIdleTimeAndBytesMoved_TheEarlierScheduleWritesNone()
    {
        var paths = ErrorReportingTests.CopyCase("gemm_only", Path.Combine(Root, "inputs"));
        var (code, stdout, stderr) = Run([.. ErrorReportingTests.Arguments("simulate", paths, Path.Combine(Root, "free")), "--trace", "none", "--json"]);
        Assert.That(code, Is.Zero, stderr);
        using (var doc = JsonDocument.Parse(stdout))
        {
            var root = doc.RootElement;
            Assert.That(root.GetProperty("instances").GetString(), Is.EqualTo("free"));
            Assert.That(root.GetProperty("reuse").GetString(), Is.EqualTo("cross-invocation"));
            Assert.That(root.GetProperty("prefetch").GetString(), Is.EqualTo("next-invocation"));
            Assert.That(root.GetProperty("idle").GetArrayLength(), Is.GreaterThan(0));

            // gemm_only moves A (256×4096 B) from the DRAM into each of its four GBuffers (a multicast: four copies) and
            // B (4096×1024 B) once, a quarter to each GBuffer (a scatter).
            var fromDram = root.GetProperty("bytes_moved").EnumerateArray().Where(r => r.GetProperty("from").GetString() == "DRAM").ToList();
            Assert.That(fromDram.Single(r => r.GetProperty("tensor").GetString() == "A").GetProperty("bytes_in").GetInt64(), Is.EqualTo(4 * 256L * 4096));
            Assert.That(fromDram.Single(r => r.GetProperty("tensor").GetString() == "B").GetProperty("bytes_in").GetInt64(), Is.EqualTo(4096L * 1024));
        }

        (code, stdout, stderr) = Run([.. ErrorReportingTests.Arguments("simulate", paths, Path.Combine(Root, "lockstep")), "--trace", "none", "--json", "--instances", "lockstep", "--reuse", "none", "--prefetch", "none"]);
        Assert.That(code, Is.Zero, stderr);
        using (var doc = JsonDocument.Parse(stdout))
        {
            var root = doc.RootElement;
            Assert.That(root.TryGetProperty("instances", out _), Is.False);
            Assert.That(root.TryGetProperty("idle", out _), Is.False);
            Assert.That(root.TryGetProperty("bytes_moved", out _), Is.False);
        }
    }

    private static (int Code, string Stdout, string Stderr) Run(string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = CometCli.Run(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }
}
