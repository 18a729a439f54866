using Comet.Reports.Runs;
using Comet.Reports.Tracing;
using NUnit.Framework;

namespace Comet.Reports.Tests.Tracing;

/// <summary>The trace format table covers every format flag once, and names and files are unique.</summary>
public class TraceFileFormatsTests
{
    [Test]
    public void Table_RowsHaveTheirBits_AndTheNamedFlagsAreTheirRows()
    {
        Assert.That(TraceFileFormats.All.Select(f => (int)f.Flag), Is.EqualTo(Enumerable.Range(0, TraceFileFormats.All.Count).Select(i => 1 << i)));
        Assert.That(TraceFileFormats.In(SimulationTraceFormats.Perfetto).Single().Name, Is.EqualTo("perfetto"));
        Assert.That(TraceFileFormats.In(SimulationTraceFormats.Csv).Single().Name, Is.EqualTo("csv"));
        Assert.That(TraceFileFormats.All.Select(f => f.Name).Distinct().Count(), Is.EqualTo(TraceFileFormats.All.Count));
        Assert.That(TraceFileFormats.All.Select(f => f.FileName).Distinct().Count(), Is.EqualTo(TraceFileFormats.All.Count));
    }

    [Test]
    public void Named_IgnoresCase_AndRefusesUnknownNames()
    {
        Assert.That(TraceFileFormats.Named("PERFETTO")?.FileName, Is.EqualTo("trace.perfetto-trace"));
        Assert.That(TraceFileFormats.Named("xml"), Is.Null);
    }

    [Test]
    public void In_TheDefault_IsCsvThenJson() =>
        Assert.That(TraceFileFormats.In(SimulationTraceFormats.Default).Select(f => f.FileName), Is.EqualTo(new[] { "trace.csv", "trace.json" }));

    [Test]
    public void Bytes_AreRowsTimesTheSumOfTheFormatsRowSizes() =>
        Assert.That(TraceSizeEstimate.Bytes(1000, SimulationTraceFormats.Csv | SimulationTraceFormats.Perfetto), Is.EqualTo(1000L * (62 + 60)));
}
