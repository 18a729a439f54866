using System.Xml;
using Comet.Hardware.Inputs;
using Comet.Plots;
using NUnit.Framework;

namespace Comet.Plots.Tests;

public class TimelinePlotTests : TempFolderTest
{
    [Test]
    public void Render_SyntheticTrace_WritesAValidPngAndSvg()
    {
        var trace = Path.Combine(Root, "trace.csv");
        SyntheticTrace.Write(trace, clusters: 4, tiles: 12);
        var png = Path.Combine(Root, "timeline.png");
        var svg = Path.Combine(Root, "timeline.svg");

        TimelinePlot.Render(trace, png, svg);

        var bytes = File.ReadAllBytes(png);
        Assert.That(bytes.Take(8), Is.EqualTo(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }));
        var (width, height) = PngSize(bytes);
        var lanes = 1 + (6 * 4); // DRAM[0] plus six components in each of four clusters
        Assert.That(width, Is.EqualTo(1600));
        Assert.That(height, Is.EqualTo((lanes * 28) + 260));

        var document = new XmlDocument();
        document.Load(svg);
        Assert.That(document.DocumentElement!.LocalName, Is.EqualTo("svg"));
        var text = File.ReadAllText(svg);
        Assert.That(text, Does.Contain("GEMM[3]"));
        Assert.That(text, Does.Contain("waiting for collective"));

        // Kept for a human look: TestContext attaches it to the test result.
        TestContext.AddTestAttachment(png, "timeline of the synthetic trace");
    }

    [Test]
    public void Render_SameTraceTwice_GivesByteIdenticalFiles()
    {
        var trace = Path.Combine(Root, "trace.csv");
        SyntheticTrace.Write(trace, clusters: 2, tiles: 5);
        TimelinePlot.Render(trace, Path.Combine(Root, "a.png"), Path.Combine(Root, "a.svg"));
        TimelinePlot.Render(trace, Path.Combine(Root, "b.png"), Path.Combine(Root, "b.svg"));
        Assert.That(File.ReadAllBytes(Path.Combine(Root, "b.png")), Is.EqualTo(File.ReadAllBytes(Path.Combine(Root, "a.png"))));
        Assert.That(File.ReadAllBytes(Path.Combine(Root, "b.svg")), Is.EqualTo(File.ReadAllBytes(Path.Combine(Root, "a.svg"))));
    }

    [Test]
    public void Render_ManyLanes_CapsTheImageHeight()
    {
        var trace = Path.Combine(Root, "wide.csv");
        using (var writer = new StreamWriter(trace))
        {
            writer.WriteLine(SyntheticTrace.Header);
            for (var i = 0; i < 2000; i++)
            {
                writer.WriteLine($"{i},{i + 100},PE,{i},compute,GEMM,C,0,0,");
            }
        }

        var png = Path.Combine(Root, "wide.png");
        TimelinePlot.Render(trace, png, Path.Combine(Root, "wide.svg"), new TimelinePlotOptions { MaxHeightPixels = 8000, MaxLanesPerComponent = 0 });
        Assert.That(PngSize(File.ReadAllBytes(png)), Is.EqualTo((1600, (2000 * 6) + 260)), "lanes shrink to the 6-pixel floor");
    }

    [Test]
    public void Render_ManyInstances_GroupsThemIntoSixteenLabelledLanes()
    {
        var trace = Path.Combine(Root, "wide.csv");
        using (var writer = new StreamWriter(trace))
        {
            writer.WriteLine(SyntheticTrace.Header);
            for (var i = 0; i < 256; i++)
            {
                writer.WriteLine($"0,100,SE,{i},compute,GEMM,C,0,0,");
            }
        }

        var png = Path.Combine(Root, "wide.png");
        var svg = Path.Combine(Root, "wide.svg");
        TimelinePlot.Render(trace, png, svg);
        Assert.That(PngSize(File.ReadAllBytes(png)), Is.EqualTo((1600, (16 * 28) + 260)), "256 instances in 16 lanes of 28 pixels");
        var text = File.ReadAllText(svg);
        Assert.That(text, Does.Contain("SE[0-15]"));
        Assert.That(text, Does.Contain("SE[240-255]"));
        Assert.That(text, Does.Not.Contain("SE[16]"));
    }

    [Test]
    public void Group_ComponentsUpToTheLimit_KeepOneLanePerInstance()
    {
        (string, int)[] lanes = [("DRAM", 0), ("SE", 0), ("SE", 1), ("SE", 2), ("SE", 3), ("SE", 4), ("NoC", 0), ("NoC", 2), ("NoC", 3)];
        var grouped = TimelineLane.Group(lanes, 2);
        Assert.That(grouped.Select(l => l.Label), Is.EqualTo(new[] { "DRAM[0]", "SE[0-1]", "SE[2-4]", "NoC[0]", "NoC[2-3]" }));
        Assert.That(TimelineLane.Group(lanes, 5).Select(l => l.Label), Is.EqualTo(lanes.Select(l => $"{l.Item1}[{l.Item2}]")), "five or fewer instances: one lane each");
        Assert.That(TimelineLane.Group([("NoC", 0), ("NoC", 2), ("NoC", 3)], 1).Single().Label, Is.EqualTo("NoC[0-3] (3)"), "a gap in the numbers shows the count");
    }

    [Test]
    public void GroupedLane_WaitShareAndBandHeights_AreOfTheInstancesCombinedTime()
    {
        var acc = new TimelineAccumulator(16);
        acc.Add("SE", 0, 0, 16, TimelineCategory.CollectiveWait);
        acc.Add("SE", 1, 0, 16, TimelineCategory.Compute);
        acc.Add("SE", 2, 0, 16, TimelineCategory.Compute);
        acc.Add("SE", 3, 0, 8, TimelineCategory.Compute);
        var lane = new TimelineLane("SE", [0, 1, 2, 3]);
        Assert.That(acc.TotalCycles(lane, TimelineCategory.CollectiveWait), Is.EqualTo(16), "a quarter of 4 x 16 instance-cycles");
        var segments = acc.Segments(lane);
        Assert.That(segments.Where(s => s.Category == TimelineCategory.CollectiveWait).Select(s => (s.Start, s.End, s.Height)), Is.EqualTo(new[] { (0L, 8L, 4 / 16.0), (8L, 16L, 4 / 16.0) }), "split where the compute band below it shrinks");
        Assert.That(segments.Where(s => s.Category == TimelineCategory.Compute).Select(s => (s.Start, s.End, s.Height)), Is.EqualTo(new[] { (0L, 8L, 12 / 16.0), (8L, 16L, 8 / 16.0) }));
        Assert.That(acc.SegmentCount([lane]), Is.EqualTo(segments.Count));
    }

    [Test]
    public void Render_SegmentBudget_MergesBinsAndShrinksTheSvg()
    {
        var trace = Path.Combine(Root, "trace.csv");
        SyntheticTrace.Write(trace, clusters: 8, tiles: 400);
        TimelinePlot.Render(trace, Path.Combine(Root, "full.png"), Path.Combine(Root, "full.svg"));
        TimelinePlot.Render(trace, Path.Combine(Root, "lean.png"), Path.Combine(Root, "lean.svg"), new TimelinePlotOptions { MaxSegments = 1000 });
        var full = new FileInfo(Path.Combine(Root, "full.svg")).Length;
        var lean = new FileInfo(Path.Combine(Root, "lean.svg")).Length;
        Assert.That(lean, Is.LessThan(full / 2), $"full {full} B, lean {lean} B");
        Assert.That(PngSize(File.ReadAllBytes(Path.Combine(Root, "lean.png"))), Is.EqualTo(PngSize(File.ReadAllBytes(Path.Combine(Root, "full.png")))));
    }

    [Test]
    public void Coarsen_HalvesTheBinsAndKeepsEveryCycle()
    {
        var acc = new TimelineAccumulator(64);
        acc.Add("GEMM", 0, 0, 1000, TimelineCategory.Compute);
        acc.Add("GEMM", 0, 1000, 1010, TimelineCategory.CollectiveWait);
        var width = acc.BinWidthCycles;
        var used = acc.UsedBins;
        acc.Coarsen();
        Assert.That(acc.BinWidthCycles, Is.EqualTo(2 * width));
        Assert.That(acc.UsedBins, Is.EqualTo((used + 1) / 2));
        Assert.That(acc.TotalCycles("GEMM", 0, TimelineCategory.Compute), Is.EqualTo(1000));
        Assert.That(acc.TotalCycles("GEMM", 0, TimelineCategory.CollectiveWait), Is.EqualTo(10));
    }

    [Test]
    public void Render_EmptyTrace_StillDrawsAnEmptyPlot()
    {
        var trace = Path.Combine(Root, "trace.csv");
        File.WriteAllText(trace, SyntheticTrace.Header + "\n");
        var png = Path.Combine(Root, "t.png");
        TimelinePlot.Render(trace, png, Path.Combine(Root, "t.svg"));
        Assert.That(PngSize(File.ReadAllBytes(png)), Is.EqualTo((1600, TimelinePlot.MinLanesPixels + 260)));
    }

    [Test]
    public void Accumulator_KeepsEveryCycleWhileCoarsening()
    {
        var acc = new TimelineAccumulator(64);
        long expected = 0;
        var random = new Random(7);
        long t = 0;
        long lastEnd = 0;
        for (var i = 0; i < 10_000; i++)
        {
            var length = random.Next(1, 500);
            acc.Add("GEMM", 0, t, t + length, TimelineCategory.Compute);
            expected += length;
            lastEnd = t + length;
            t += length + random.Next(0, 50);
        }

        Assert.That(acc.TotalCycles("GEMM", 0, TimelineCategory.Compute), Is.EqualTo(expected), "coarsening sums bins, it never drops cycles");
        Assert.That(acc.EndCycle, Is.EqualTo(lastEnd));
        Assert.That(acc.BinWidthCycles * acc.BinCount, Is.GreaterThanOrEqualTo(acc.EndCycle));
        Assert.That(acc.BinWidthCycles * acc.BinCount / 2, Is.LessThan(acc.EndCycle), "the bins are as fine as the run allows");
        Assert.That(acc.Segments("GEMM", 0), Has.Count.LessThanOrEqualTo(64));
    }

    [Test]
    public void Segments_AtCycleResolution_AreFullHeightAndMerged()
    {
        var acc = new TimelineAccumulator(16);
        acc.Add("GEMM", 0, 0, 10, TimelineCategory.Compute);
        acc.Add("GEMM", 0, 10, 14, TimelineCategory.CollectiveWait);
        acc.Add("GEMM", 0, 16, 16, TimelineCategory.Read); // zero-length: counted, not drawn
        Assert.That(acc.BinWidthCycles, Is.EqualTo(1));
        Assert.That(acc.Segments("GEMM", 0), Is.EqualTo(new[]
        {
            new TimelineSegment(0, 10, TimelineCategory.Compute, 0, 1),
            new TimelineSegment(10, 14, TimelineCategory.CollectiveWait, 0, 1),
        }));
        Assert.That(acc.Activities, Is.EqualTo(3));
        Assert.That(acc.EndCycle, Is.EqualTo(16));
    }

    [Test]
    public void Segments_ZoomedOut_StackSharesOfTheBin()
    {
        var acc = new TimelineAccumulator(16);

        // Four periods of 64 cycles: 40 compute, 16 waiting for a collective, 8 idle.
        for (long t = 0; t < 256; t += 64)
        {
            acc.Add("SIMD", 0, t, t + 40, TimelineCategory.Compute);
            acc.Add("SIMD", 0, t + 40, t + 56, TimelineCategory.CollectiveWait);
        }

        acc.Add("SIMD", 0, 1000, 1024, TimelineCategory.Compute); // stretches the run to 1024 cycles: 64-cycle bins
        Assert.That(acc.BinWidthCycles, Is.EqualTo(64));
        var segments = acc.Segments("SIMD", 0);
        Assert.That(segments.Take(2), Is.EqualTo(new[]
        {
            new TimelineSegment(0, 256, TimelineCategory.Compute, 0, 10 / 16.0),
            new TimelineSegment(0, 256, TimelineCategory.CollectiveWait, 10 / 16.0, 4 / 16.0),
        }), "40/64 of each bin computes, 16/64 waits above it, and the idle 8/64 stays empty");
        Assert.That(segments[2], Is.EqualTo(new TimelineSegment(960, 1024, TimelineCategory.Compute, 0, 6 / 16.0)));
        Assert.That(segments, Has.Count.EqualTo(3));
    }

    [Test]
    public void Segments_ATinyShareStillShows()
    {
        var acc = new TimelineAccumulator(16);
        acc.Add("DRAM", 0, 0, 1, TimelineCategory.Read);
        acc.Add("DRAM", 0, 200, 256, TimelineCategory.Write); // forces 16-cycle bins
        Assert.That(acc.BinWidthCycles, Is.EqualTo(16));
        Assert.That(acc.Segments("DRAM", 0), Is.EqualTo(new[]
        {
            new TimelineSegment(0, 16, TimelineCategory.Read, 0, 1 / 16.0),
            new TimelineSegment(192, 208, TimelineCategory.Write, 0, 0.5),
            new TimelineSegment(208, 256, TimelineCategory.Write, 0, 1),
        }), "one busy cycle in sixteen still gets the thinnest band");
    }

    [Test]
    public void Segments_OverlappingActivities_ShareTheLaneWithoutOverflowing()
    {
        var acc = new TimelineAccumulator(16);
        acc.Add("OBuffer", 0, 0, 8, TimelineCategory.Read);
        acc.Add("OBuffer", 0, 0, 8, TimelineCategory.Write);
        acc.Add("OBuffer", 0, 0, 8, TimelineCategory.Write);
        var segments = acc.Segments("OBuffer", 0);
        Assert.That(segments.Sum(s => s.Height), Is.EqualTo(1.0).Within(1e-12));
        Assert.That(segments.Single(s => s.Category == TimelineCategory.Write).Height, Is.EqualTo(11 / 16.0), "two thirds of 16 steps, rounded");
    }

    [Test]
    public void Reader_StallReasonStartingWithCollective_IsACollectiveWait()
    {
        Assert.That(TimelineTraceReader.Categorize("stall", "collective allreduce#3"), Is.EqualTo(TimelineCategory.CollectiveWait));
        Assert.That(TimelineTraceReader.Categorize("stall", "buffer full"), Is.EqualTo(TimelineCategory.Stall));
        Assert.That(TimelineTraceReader.Categorize("collective", string.Empty), Is.EqualTo(TimelineCategory.Collective));
        Assert.That(TimelineTraceReader.Categorize("nap", string.Empty), Is.Null);
    }

    [Test]
    public void Reader_LargeTrace_StaysWithinTheBinBudget()
    {
        var trace = Path.Combine(Root, "big.csv");
        var rows = SyntheticTrace.Write(trace, clusters: 16, tiles: 2000);
        var acc = new TimelineAccumulator(1024);
        TimelineTraceReader.Read(trace, acc);
        Assert.That(acc.Activities, Is.EqualTo(rows));
        Assert.That(acc.Lanes, Has.Count.EqualTo(1 + (6 * 16)));
        var total = 0;
        foreach (var (component, instance) in acc.Lanes)
        {
            var segments = acc.Segments(component, instance);
            Assert.That(segments, Has.Count.LessThanOrEqualTo(1024 * TimelineAccumulator.StackOrder.Count));
            total += segments.Count;
        }

        Assert.That(total, Is.LessThan(acc.Lanes.Count * 1024 * 2), "merging keeps about one band per bin and category present");

        Assert.That(acc.TotalCycles("GEMM", 5, TimelineCategory.CollectiveWait), Is.GreaterThan(0));
    }

    [TestCase("start_cycle,end_cycle\n", "header")]
    [TestCase(SyntheticTrace.Header + "\n0,x,GEMM,0,compute,GEMM,C,1,0,\n", "row 1.end_cycle")]
    [TestCase(SyntheticTrace.Header + "\n10,5,GEMM,0,compute,GEMM,C,1,0,\n", "row 1.end_cycle")]
    [TestCase(SyntheticTrace.Header + "\n0,5,GEMM,-1,compute,GEMM,C,1,0,\n", "row 1.instance")]
    [TestCase(SyntheticTrace.Header + "\n0,5,GEMM,0,dance,GEMM,C,1,0,\n", "row 1.activity")]
    [TestCase("", "header")]
    public void Reader_MalformedTrace_RaisesInputErrorWithLine(string content, string keyPath)
    {
        var trace = Path.Combine(Root, "bad.csv");
        File.WriteAllText(trace, content);
        var e = Assert.Throws<InputException>(() => TimelineTraceReader.Read(trace, new TimelineAccumulator()))!;
        Assert.That(e.KeyPath, Is.EqualTo(keyPath));
        Assert.That(e.File, Is.EqualTo(trace));
        Assert.That(e.Line, Is.GreaterThan(0));
    }

    [Test]
    public void Reader_MissingFile_RaisesInputError()
    {
        var e = Assert.Throws<InputException>(() => TimelineTraceReader.Read(Path.Combine(Root, "nope.csv"), new TimelineAccumulator()))!;
        Assert.That(e.Problem, Is.EqualTo("file not found"));
    }

    internal static (int Width, int Height) PngSize(byte[] png)
    {
        // IHDR is the first chunk: width and height are big-endian at offsets 16 and 20.
        static int BigEndian(byte[] b, int at) => (b[at] << 24) | (b[at + 1] << 16) | (b[at + 2] << 8) | b[at + 3];
        return (BigEndian(png, 16), BigEndian(png, 20));
    }
}
