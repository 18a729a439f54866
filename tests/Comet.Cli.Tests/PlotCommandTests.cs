using Comet.Cli.Commands;
using NUnit.Framework;

namespace Comet.Cli.Tests;

public class PlotCommandTests : TempFolderTest
{
    [Test]
    public void Plot_IntoTheRunFolder_AddsBothImagesAndKeepsTheTrace()
    {
        // The run folder is a Comet output listing the trace, as 'comet simulate' leaves it.
        OutputFolders.WriteOutput(Root, "trace.csv");
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

    [Test]
    public void Plot_FromToLanesWidthHeight_DrawsTheWindowAtTheAskedSize()
    {
        var trace = Path.Combine(Root, "run", "trace.csv");
        Directory.CreateDirectory(Path.GetDirectoryName(trace)!);
        File.WriteAllText(trace, SyntheticTrace.Header + "\n0,100,GEMM,0,compute,GEMM,C,1,0,\n100,300,GEMM,1,compute,GEMM,C,1,0,\n50,250,DRAM,0,read,GEMM,A,1,64,\n");
        var outFolder = Path.Combine(Root, "plots");
        var stderr = new StringWriter();

        var code = Program.Run(["plot", "--trace", trace, "--out", outFolder, "--from", "120", "--to", "220", "--lanes", "^GEMM", "--width", "800", "--height", "500"], new StringWriter(), stderr);

        Assert.That(code, Is.Zero, stderr.ToString());
        var png = File.ReadAllBytes(Path.Combine(outFolder, "timeline.png"));
        Assert.That(System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)), Is.EqualTo(800), "PNG width");
        Assert.That(System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20)), Is.EqualTo(500), "PNG height");
        var texts = SvgTexts.Of(Path.Combine(outFolder, "timeline.svg"));
        Assert.That(texts, Does.Contain("run: cycles 120 to 220, 1 activity"), "only GEMM[1]'s compute lies in the window");
        Assert.That(texts, Does.Contain("GEMM[1]").And.Not.Contain("DRAM[0]").And.Not.Contain("GEMM[0]"));
    }

    [TestCase("--from", "-5", "--from")]
    [TestCase("--to", "0", "--to")]
    [TestCase("--lanes", "GEMM[", "--lanes")]
    [TestCase("--lanes", "NoSuchLane", "matches none")]
    [TestCase("--width", "10", "--width")]
    [TestCase("--height", "100", "--height")]
    public void Plot_BadWindowOrSize_IsOneLineInputError(string option, string value, string expected)
    {
        var trace = Path.Combine(Root, "trace.csv");
        SyntheticTrace.Write(trace, clusters: 1, tiles: 2);
        var stderr = new StringWriter();

        var code = Program.Run(["plot", "--trace", trace, "--out", Path.Combine(Root, "plots"), option, value], new StringWriter(), stderr);

        Assert.That(code, Is.EqualTo(2), stderr.ToString());
        Assert.That(stderr.ToString().TrimEnd('\n').Split('\n'), Has.Length.EqualTo(1));
        Assert.That(stderr.ToString(), Does.Contain(expected));
    }

    [Test]
    public void RunName_IsTheRunFolderForTraceCsv_OtherwiseTheFileName()
    {
        Assert.That(PlotCommand.RunName(Path.Combine("traces", "ex_base", "trace.csv")), Is.EqualTo("ex_base"));
        Assert.That(PlotCommand.RunName(Path.Combine("traces", "big.csv")), Is.EqualTo("big"));
    }
}
