using System.Text.RegularExpressions;
using Comet.Plots;
using NUnit.Framework;

namespace Comet.Plots.Tests;

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

        var texts = SvgTexts.Of(svg);
        Assert.That(texts, Does.Contain(expected));
        foreach (var longer in new[] { "collective wait", "waiting for collective (share of run)" }.Where(w => w.Length > expected.Length))
        {
            Assert.That(texts, Does.Not.Contain(longer));
        }
    }
}
