using System.Text.RegularExpressions;
using Comet.Cli.Commands;
using Comet.Plots;
using NUnit.Framework;

namespace Comet.Cli.Tests;

/// <summary>The timeline's window (<c>--from/--to</c>), lane pattern (<c>--lanes</c>), size and title.</summary>
public class TimelineWindowTests : TempFolderTest
{
    [Test]
    public void Window_KeepsOnlyActivitiesInRange_ClippedToIt()
    {
        var acc = new TimelineAccumulator(64, fromCycle: 100, toCycle: 200);
        acc.Add("GEMM", 0, 0, 50, TimelineCategory.Compute);      // before: dropped
        acc.Add("GEMM", 0, 80, 120, TimelineCategory.Compute);    // 20 cycles inside
        acc.Add("GEMM", 0, 150, 160, TimelineCategory.Read);      // 10 inside
        acc.Add("GEMM", 0, 190, 260, TimelineCategory.Compute);   // 10 inside
        acc.Add("GEMM", 0, 200, 300, TimelineCategory.Compute);   // starts at the window's end: dropped
        acc.Add("GEMM", 0, 100, 100, TimelineCategory.Stall);     // instant at the start: kept
        acc.Add("DRAM", 0, 0, 100, TimelineCategory.Read);        // ends where the window starts: dropped

        Assert.That(acc.Activities, Is.EqualTo(4));
        Assert.That(acc.TotalCycles("GEMM", 0, TimelineCategory.Compute), Is.EqualTo(30));
        Assert.That(acc.TotalCycles("GEMM", 0, TimelineCategory.Read), Is.EqualTo(10));
        Assert.That(acc.Lanes, Is.EqualTo(new[] { ("GEMM", 0) }));
        Assert.That(acc.EndCycle, Is.EqualTo(100), "the window's length");
        Assert.That(acc.Segments("GEMM", 0).Min(s => s.Start), Is.EqualTo(0), "kept relative to the window's start");
    }

    [Test]
    public void LanePattern_KeepsMatchingLanes_ButTheAxisSpansTheRun()
    {
        var acc = new TimelineAccumulator(64, lanePattern: new Regex("engine\\[[01]\\]|DRAM"));
        acc.Add("macengine", 0, 0, 10, TimelineCategory.Compute);
        acc.Add("macengine", 1, 0, 10, TimelineCategory.Compute);
        acc.Add("macengine", 12, 0, 10, TimelineCategory.Compute);
        acc.Add("DRAM", 0, 5, 20, TimelineCategory.Read);
        acc.Add("GBuffer", 0, 0, 500, TimelineCategory.Write);

        Assert.That(acc.Lanes, Is.EqualTo(new[] { ("macengine", 0), ("macengine", 1), ("DRAM", 0) }));
        Assert.That(acc.Activities, Is.EqualTo(3));
        Assert.That(acc.EndCycle, Is.EqualTo(500));
    }

    [Test]
    public void Title_NamesTheRunCyclesAndActivities_GroupedBySpaces_WithoutRepetition()
    {
        var acc = new TimelineAccumulator(64);
        for (var i = 0; i < 7408; i++)
        {
            acc.Add("GEMM", 0, i, i + 1, TimelineCategory.Compute);
        }

        Assert.That(TimelinePlot.Title("ex_base", acc, new TimelinePlotOptions { TotalCycles = 3_858_370 }), Is.EqualTo("ex_base: 3 858 370 cycles, 7 408 activities"));
        Assert.That(TimelinePlot.Title("ex_base", acc, new TimelinePlotOptions()), Is.EqualTo("ex_base: 7 408 cycles, 7 408 activities"));

        var window = new TimelineAccumulator(64, 1000, 2000);
        window.Add("GEMM", 0, 1500, 1600, TimelineCategory.Compute);
        Assert.That(TimelinePlot.Title("ex_base", window, new TimelinePlotOptions { FromCycle = 1000, ToCycle = 2000 }), Is.EqualTo("ex_base: cycles 1 000 to 2 000, 1 activity"));
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
        var texts = SvgTexts(Path.Combine(outFolder, "timeline.svg"));
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

    [Test]
    public void HeightOf_NarrowImage_AddsRoomForTheWrappedLegends()
    {
        var options = new TimelinePlotOptions();
        Assert.That(TimelinePlot.HeightOf(options, 10), Is.EqualTo((10 * 28) + 260), "8 legend items fit one row in 1600 px");
        Assert.That(TimelinePlot.HeightOf(options with { WidthPixels = 900 }, 10), Is.EqualTo((10 * 28) + 260 + 44), "5 items per row in 900 px: one more row per legend");
        Assert.That(TimelinePlot.HeightOf(options with { HeightPixels = 700 }, 10), Is.EqualTo(700));
    }

    [TestCase(1, "collective wait")]
    [TestCase(3, "collective wait")]
    [TestCase(12, "waiting for collective (share of run)")]
    public void RightAxisTitle_TakesTheLongestWordingShorterThanTheLanes(int lanes, string expected)
    {
        var acc = new TimelineAccumulator(64);
        for (var i = 0; i < lanes; i++)
        {
            acc.Add("GEMM", i, 0, 10, TimelineCategory.CollectiveWait);
        }

        var svg = Path.Combine(Root, "t.svg");
        TimelinePlot.Render(acc, Path.Combine(Root, "t.png"), svg);

        var texts = SvgTexts(svg);
        Assert.That(texts, Does.Contain(expected));
        foreach (var longer in new[] { "collective wait", "waiting for collective (share of run)" }.Where(w => w.Length > expected.Length))
        {
            Assert.That(texts, Does.Not.Contain(longer));
        }
    }

    // The strings of the SVG's text elements, trimmed.
    private static List<string> SvgTexts(string svgPath) =>
        Regex.Matches(File.ReadAllText(svgPath), "<text[^>]*>([^<]*)</text>").Select(m => m.Groups[1].Value.Trim()).ToList();
}
