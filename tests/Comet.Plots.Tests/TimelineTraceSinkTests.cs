using Comet.Plots;
using Comet.Reports.Tracing;
using Comet.Sim;
using NUnit.Framework;

namespace Comet.Plots.Tests;

/// <summary>The timeline sink categorises and folds the trace records exactly as the trace CSV reader does.</summary>
public class TimelineTraceSinkTests : TempFolderTest
{
    [Test]
    public void Sink_AndCsvReader_CategoriseAndFoldTheSameRows()
    {
        TraceRecord[] records =
        [
            new(0, 40, "GEMM", 0, ActivityKind.Compute, "GEMM", "C", 0, 64, string.Empty),
            new(40, 50, "GEMM", 0, ActivityKind.Stall, "GEMM", "C", -1, 0, "collective allreduce#1"),
            new(50, 55, "GEMM", 0, ActivityKind.Stall, "GEMM", "C", -1, 0, "  Collective, quoted"),
            new(55, 60, "GEMM", 1, ActivityKind.Stall, "GEMM", "C", -1, 0, "port:GB[0].write"),
            new(0, 30, "DRAM", 0, ActivityKind.Read, "GEMM", "A", 3, 128, string.Empty),
            new(30, 30, "DRAM", 0, ActivityKind.Write, "GEMM", "A", 3, 0, string.Empty),
            new(5, 25, "NoC", 2, ActivityKind.Transfer, "GEMM", "B", 1, 32, string.Empty),
            new(25, 45, "NoC", 2, ActivityKind.Collective, "GEMM", "B", 1, 32, string.Empty),
        ];
        var csvPath = Path.Combine(Root, "trace.csv");
        var fed = new TimelineAccumulator(64);
        using (var sink = new CompositeTraceSink(new CsvTraceSink(csvPath), new TimelineTraceSink(fed)))
        {
            foreach (var record in records)
            {
                sink.Write(record);
            }
        }

        var read = new TimelineAccumulator(64);
        TimelineTraceReader.Read(csvPath, read);

        Assert.That(fed.Activities, Is.EqualTo(8));
        Assert.That(fed.Lanes, Is.EqualTo(read.Lanes));
        Assert.That(fed.EndCycle, Is.EqualTo(60));
        Assert.That(fed.TotalCycles("GEMM", 0, TimelineCategory.CollectiveWait), Is.EqualTo(15), "both reasons start with 'collective', ignoring case and leading spaces");
        Assert.That(fed.TotalCycles("GEMM", 1, TimelineCategory.Stall), Is.EqualTo(5));
        foreach (var (component, instance) in read.Lanes)
        {
            Assert.That(fed.Segments(component, instance), Is.EqualTo(read.Segments(component, instance)), $"{component}[{instance}]");
        }
    }

    [Test]
    public void Categorize_EveryActivity_MatchesTheReaderOnTheActivityName()
    {
        foreach (var kind in Enum.GetValues<ActivityKind>())
        {
            foreach (var reason in new[] { string.Empty, "collective reduce", "Collective", " collectiveX", "buffer full", "collectiv" })
            {
                Assert.That(TimelineTraceSink.Categorize(kind, reason), Is.EqualTo(TimelineTraceReader.Categorize(kind.ToString().ToLowerInvariant(), reason)), $"{kind} '{reason}'");
            }
        }
    }

    [Test]
    public void SegmentCount_IsTheNumberOfSegmentsOfAllLanes()
    {
        var acc = new TimelineAccumulator(64);
        var random = new Random(3);
        for (var i = 0; i < 2000; i++)
        {
            var start = random.Next(0, 5000);
            acc.Add(i % 3 == 0 ? "GEMM" : "DRAM", i % 5, start, start + random.Next(0, 300), (TimelineCategory)random.Next(0, 7));
        }

        while (acc.UsedBins > 8)
        {
            var lanes = TimelineLane.Group(acc.Lanes, 0);
            Assert.That(acc.SegmentCount(lanes), Is.EqualTo(acc.Lanes.Sum(l => acc.Segments(l.Component, l.Instance).Count)), $"bin width {acc.BinWidthCycles}");
            acc.Coarsen();
        }
    }
}
