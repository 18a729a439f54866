using NUnit.Framework;

namespace Comet.Cli.Tests;

public class PlotCommandTests : TempFolderTest
{
    [Test]
    public void Plot_IntoTheRunFolder_AddsBothImagesAndKeepsTheTrace()
    {
        // The run folder is a Comet output listing the trace, as 'comet simulate' leaves it.
        OutputDirectoryTests.WriteOutput(Root, "trace.csv");
        var trace = Path.Combine(Root, "trace.csv");
        SyntheticTrace.Write(trace, clusters: 2, tiles: 3);
        var traceBytes = File.ReadAllBytes(trace);
        var stdout = new StringWriter();
        var stderr = new StringWriter();

        var code = CometCli.Run(["plot", "--trace", trace, "--out", Root], stdout, stderr);

        Assert.That(code, Is.EqualTo(0), stderr.ToString());
        Assert.That(Directory.GetFiles(Root).Select(Path.GetFileName).Order(), Is.EqualTo(new[] { "run-info.json", "timeline.png", "timeline.svg", "trace.csv" }));
        Assert.That(File.ReadAllBytes(trace), Is.EqualTo(traceBytes));
        Assert.That(stdout.ToString(), Is.EqualTo($"wrote {Path.Combine(Root, "timeline.png")}{Environment.NewLine}wrote {Path.Combine(Root, "timeline.svg")}{Environment.NewLine}"));
        Assert.That(stderr.ToString(), Is.Empty);
    }

    [Test]
    public void Plot_MalformedTrace_ExitsTwoWithOneLineAndWritesNothing()
    {
        var trace = Path.Combine(Root, "trace.csv");
        File.WriteAllText(trace, SyntheticTrace.Header + "\n0,10,GEMM,0,compute,GEMM,C,1,0,\n5,oops,GEMM,0,compute,GEMM,C,1,0,\n");
        var outFolder = Path.Combine(Root, "plots");
        var stderr = new StringWriter();

        var code = CometCli.Run(["plot", "--trace", trace, "--out", outFolder], new StringWriter(), stderr);

        Assert.That(code, Is.EqualTo(2));
        Assert.That(stderr.ToString(), Is.EqualTo($"error: {trace}:3:1: row 2.end_cycle: 'oops' is not an integer{Environment.NewLine}"));
        Assert.That(Directory.Exists(outFolder), Is.False, "no folder is left behind");
        Assert.That(Directory.GetFileSystemEntries(Root), Is.EqualTo(new[] { trace }), "nor a temporary one");
    }

    [Test]
    public void Plot_MissingTrace_ExitsTwo()
    {
        var stderr = new StringWriter();
        var missing = Path.Combine(Root, "none.csv");
        var code = CometCli.Run(["plot", "--trace", missing, "--out", Root], new StringWriter(), stderr);
        Assert.That(code, Is.EqualTo(2));
        Assert.That(stderr.ToString(), Is.EqualTo($"error: {missing}: file not found{Environment.NewLine}"));
    }
}
