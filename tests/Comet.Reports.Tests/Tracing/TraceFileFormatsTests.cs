using Comet.Reports.Runs;
using Comet.Reports.Tracing;
using NUnit.Framework;

namespace Comet.Reports.Tests.Tracing;

/// <summary>The trace format table covers every format flag once, and names and files are unique.</summary>
public class TraceFileFormatsTests
{
    [Test]
    public void Table_HasOneRowPerSingleBitFlag()
    {
        var single = Enum.GetValues<SimulationTraceFormats>().Where(f => f != 0 && (f & (f - 1)) == 0).ToList();
        Assert.That(TraceFileFormats.All.Select(f => f.Flag), Is.EquivalentTo(single));
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
