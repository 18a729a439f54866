using System.Text.Json;
using NUnit.Framework;

namespace Comet.Cli.Tests;

/// <summary><c>comet simulate</c>: the files it writes and what they hold.</summary>
public class SimulateCommandTests : TempFolderTest
{
    [Test]
    public void Simulate_GemmOnly_WritesTracesSummaryAndTimeline()
    {
        var paths = ErrorReportingTests.CopyCase("gemm_only", Path.Combine(Root, "inputs"));
        var outFolder = Path.Combine(Root, "out");
        var (code, stdout, stderr) = Run([.. ErrorReportingTests.Arguments("simulate", paths, outFolder), "--trace", "full"]);

        Assert.That(code, Is.Zero, stderr);
        foreach (var f in new[] { "trace.csv", "trace.json", "summary.json", "timeline.png", "timeline.svg", "run-info.json" })
        {
            Assert.That(File.Exists(Path.Combine(outFolder, f)), f);
        }

        Assert.That(File.ReadLines(Path.Combine(outFolder, "trace.csv")).First(), Is.EqualTo("start_cycle,end_cycle,component,instance,activity,operation,tensor,tile,bytes,stall_reason"));
        Assert.That(stdout, Does.Contain("DataMovementTileNode::4"));
        Assert.That(stdout, Does.Contain("wrote "));
    }

    [Test]
    public void Simulate_Json_PrintsTheSummaryWithBothFigures()
    {
        var paths = ErrorReportingTests.CopyCase("gemm_only", Path.Combine(Root, "inputs"));
        var (code, stdout, stderr) = Run([.. ErrorReportingTests.Arguments("simulate", paths, Path.Combine(Root, "out")), "--trace", "none", "--json"]);

        Assert.That(code, Is.Zero, stderr);
        using var doc = JsonDocument.Parse(stdout);
        var root = doc.RootElement;
        Assert.That(root.GetProperty("simulated_cycles").GetInt64(), Is.GreaterThan(0));
        Assert.That(root.GetProperty("analytic_cycles").GetInt64(), Is.EqualTo(3128054), "the reference tool's Total Cycles for gemm_only");
        var leaf = root.GetProperty("nodes").EnumerateArray().Single(n => n.GetProperty("node").GetString() == "DataMovementTileNode::4");
        Assert.That(leaf.GetProperty("simulated_cycles").GetDouble(), Is.EqualTo(8898));
        Assert.That(leaf.GetProperty("analytic_cycles").GetInt64(), Is.EqualTo(8898));
        Assert.That(root.GetProperty("inputs_sha256").GetProperty("mapping").GetString(), Has.Length.EqualTo(64));
        Assert.That(File.Exists(Path.Combine(Root, "out", "trace.csv")), Is.False, "--trace none writes no trace");
    }

    [Test]
    public void Simulate_UnknownTraceLevel_IsAnInputError()
    {
        var paths = ErrorReportingTests.CopyCase("gemm_only", Path.Combine(Root, "inputs"));
        var (code, _, stderr) = Run([.. ErrorReportingTests.Arguments("simulate", paths, Path.Combine(Root, "out")), "--trace", "verbose"]);
        Assert.That(code, Is.EqualTo(2));
        Assert.That(stderr, Does.Contain("--trace"));
    }

    [Test]
    public void Simulate_LeafPortsTile_GivesTheStreamedCyclesWithPerTileRows()
    {
        var paths = ErrorReportingTests.CopyCase("gemm_only", Path.Combine(Root, "inputs"));
        var stream = Path.Combine(Root, "stream");
        var tile = Path.Combine(Root, "tile");

        var (code, _, stderr) = Run([.. ErrorReportingTests.Arguments("simulate", paths, stream), "--trace", "full"]);
        Assert.That(code, Is.Zero, stderr);
        (code, _, stderr) = Run([.. ErrorReportingTests.Arguments("simulate", paths, tile), "--trace", "full", "--leaf-ports", "tile"]);
        Assert.That(code, Is.Zero, stderr);

        using var s = JsonDocument.Parse(File.ReadAllText(Path.Combine(stream, "summary.json")));
        using var t = JsonDocument.Parse(File.ReadAllText(Path.Combine(tile, "summary.json")));
        Assert.That(s.RootElement.GetProperty("leaf_ports").GetString(), Is.EqualTo("stream"));
        Assert.That(t.RootElement.GetProperty("leaf_ports").GetString(), Is.EqualTo("tile"));
        Assert.That(s.RootElement.GetProperty("simulated_cycles").GetInt64(), Is.EqualTo(t.RootElement.GetProperty("simulated_cycles").GetInt64()));

        // A streamed leaf invocation writes one compute row; tile by tile, its 8 GEMM steps are merged only where back to back.
        var streamRows = File.ReadLines(Path.Combine(stream, "trace.csv")).Count(l => l.Contains(",compute,GEMM,"));
        var tileRows = File.ReadLines(Path.Combine(tile, "trace.csv")).Count(l => l.Contains(",compute,GEMM,"));
        Assert.That(streamRows, Is.LessThanOrEqualTo(tileRows));
        Assert.That(File.ReadLines(Path.Combine(stream, "trace.csv")).Count(), Is.LessThan(File.ReadLines(Path.Combine(tile, "trace.csv")).Count()));
    }

    [Test]
    public void Simulate_UnknownLeafPortMode_IsAnInputError()
    {
        var paths = ErrorReportingTests.CopyCase("gemm_only", Path.Combine(Root, "inputs"));
        var (code, _, stderr) = Run([.. ErrorReportingTests.Arguments("simulate", paths, Path.Combine(Root, "out")), "--leaf-ports", "burst"]);
        Assert.That(code, Is.EqualTo(2));
        Assert.That(stderr, Does.StartWith("error: --leaf-ports"));
        Assert.That(Directory.Exists(Path.Combine(Root, "out")), Is.False);
    }

    [Test]
    public void Simulate_NetworkCutThrough_PaysTheSerializationOncePerPath()
    {
        // gemm_only's tiles cross 2 B/cycle mesh links; store-and-forward pays each tile's serialization on every hop,
        // cut-through once per path, so the run is shorter while the GEMM leaf (no mesh inside) keeps its 8898 cycles
        // (lock-step instances without reuse, the schedule of docs/simulator.md's table).
        var paths = ErrorReportingTests.CopyCase("gemm_only", Path.Combine(Root, "inputs"));
        var cycles = new Dictionary<string, long>();
        foreach (var mode in new[] { "store-and-forward", "cut-through" })
        {
            var (code, stdout, stderr) = Run([.. ErrorReportingTests.Arguments("simulate", paths, Path.Combine(Root, mode)), "--trace", "none", "--json", "--network", mode, "--transfers", "serial", "--instances", "lockstep", "--reuse", "none", "--prefetch", "none"]);
            Assert.That(code, Is.Zero, stderr);
            using var doc = JsonDocument.Parse(stdout);
            cycles[mode] = doc.RootElement.GetProperty("simulated_cycles").GetInt64();
            var leaf = doc.RootElement.GetProperty("nodes").EnumerateArray().Single(n => n.GetProperty("node").GetString() == "DataMovementTileNode::4");
            Assert.That(leaf.GetProperty("simulated_cycles").GetDouble(), Is.EqualTo(8898), mode);
        }

        Assert.That(cycles["store-and-forward"], Is.EqualTo(3720898));
        Assert.That(cycles["cut-through"], Is.LessThan(cycles["store-and-forward"]));
    }

    [Test]
    public void Simulate_Transfers_AreNamedInTheSummary_AndSerialIsTheFormerMechanism()
    {
        // Serial transfers with the cut-through mesh (lock-step instances, no reuse) give the figure before pipelined transfers (3 065 227); pipelined
        // ones stream each tile through its ports and the mesh at once, and the 4-port GBuffers attach at every router.
        var paths = ErrorReportingTests.CopyCase("gemm_only", Path.Combine(Root, "inputs"));
        var cycles = new Dictionary<string, long>();
        foreach (var mode in new[] { "serial", "pipelined" })
        {
            var outFolder = Path.Combine(Root, mode);
            var (code, stdout, stderr) = Run([.. ErrorReportingTests.Arguments("simulate", paths, outFolder), "--trace", "none", "--json", "--transfers", mode, "--instances", "lockstep", "--reuse", "none", "--prefetch", "none"]);
            Assert.That(code, Is.Zero, stderr);
            using var doc = JsonDocument.Parse(stdout);
            cycles[mode] = doc.RootElement.GetProperty("simulated_cycles").GetInt64();
            using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(outFolder, "summary.json")));
            Assert.That(summary.RootElement.GetProperty("transfers").GetString(), Is.EqualTo(mode));
        }

        Assert.That(cycles["serial"], Is.EqualTo(3065227));
        Assert.That(cycles["pipelined"], Is.EqualTo(2136543));
    }

    [Test]
    public void Simulate_UnknownTransferMode_IsAnInputError()
    {
        var paths = ErrorReportingTests.CopyCase("gemm_only", Path.Combine(Root, "inputs"));
        var (code, _, stderr) = Run([.. ErrorReportingTests.Arguments("simulate", paths, Path.Combine(Root, "out")), "--transfers", "eager"]);
        Assert.That(code, Is.EqualTo(2));
        Assert.That(stderr, Does.StartWith("error: --transfers"));
    }

    [Test]
    public void Simulate_UnknownNetworkMode_IsAnInputError()
    {
        var paths = ErrorReportingTests.CopyCase("gemm_only", Path.Combine(Root, "inputs"));
        var (code, _, stderr) = Run([.. ErrorReportingTests.Arguments("simulate", paths, Path.Combine(Root, "out")), "--network", "wormhole"]);
        Assert.That(code, Is.EqualTo(2));
        Assert.That(stderr, Does.StartWith("error: --network"));
    }

    [Test]
    public void Simulate_UnknownCollectiveAlgorithm_IsAnInputError()
    {
        var paths = ErrorReportingTests.CopyCase("gemm_only", Path.Combine(Root, "inputs"));
        var (code, _, stderr) = Run([.. ErrorReportingTests.Arguments("simulate", paths, Path.Combine(Root, "out")), "--collectives", "butterfly"]);
        Assert.That(code, Is.EqualTo(2));
        Assert.That(stderr, Does.StartWith("error: --collectives: unknown collective algorithm 'butterfly' (expected auto, ring, 2d or direct)"));
    }

    [Test]
    public void Simulate_Collectives_SummaryNamesTheAlgorithm()
    {
        // ex_base's one collective is a gather, which only runs direct: --collectives ring leaves it direct.
        var paths = ErrorReportingTests.CopyCase("ex_base", Path.Combine(Root, "inputs"));
        var (code, stdout, stderr) = Run([.. ErrorReportingTests.Arguments("simulate", paths, Path.Combine(Root, "ring")), "--trace", "summary", "--json", "--collectives", "ring"]);
        Assert.That(code, Is.Zero, stderr);
        using var doc = JsonDocument.Parse(stdout);
        var gather = doc.RootElement.GetProperty("collectives").EnumerateArray().Single();
        Assert.That(gather.GetProperty("algorithm").GetString(), Is.EqualTo("direct"));
        Assert.That(File.ReadAllText(Path.Combine(Root, "ring", "trace.csv")), Does.Contain(",collective,CollectiveOpNode::8,C,0,0,algorithm:direct"));
    }

    [Test]
    public void Simulate_DeadlockingMapping_ExitsWithOneLineNamingTheBufferAndWhatItWaitsFor()
    {
        // The GBuffer node moves A at 248 bits per element: 1 015 808 B per IBuffer, which holds 524 288 B.
        var paths = ErrorReportingTests.CopyCase("ex_base", Path.Combine(Root, "inputs"));
        var mapping = File.ReadAllText(paths["mapping.yaml"]).ReplaceLineEndings("\n");
        const string gbNode = "target:      [GBuffer,GBuffer,GBuffer]\n     type:        temporal\n     tensors:     [A,B,D]\n     precision:   [8,8,8]";
        File.WriteAllText(paths["mapping.yaml"], mapping.Replace(gbNode, gbNode.Replace("[8,8,8]", "[248,8,8]")));
        var outFolder = Path.Combine(Root, "out");

        var (code, _, stderr) = Run([.. ErrorReportingTests.Arguments("simulate", paths, outFolder), "--trace", "none"]);

        Assert.That(code, Is.EqualTo(2), stderr);
        Assert.That(stderr.TrimEnd('\n').Split('\n'), Has.Length.EqualTo(1));
        Assert.That(stderr, Does.Contain("deadlocks"));
        Assert.That(stderr, Does.Contain("IBuffer[0] waits for 1015808 B of space"));
        Assert.That(Directory.Exists(outFolder), Is.False, "a failed run leaves no output folder");
    }

    private static (int Code, string Stdout, string Stderr) Run(string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = CometCli.Run(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }
}
