using Comet.Reports.Runs;

namespace Comet.Reports.Tracing;

/// <summary>Every trace file format, in the order they are written: the one table a new output format is added to.</summary>
public static class TraceFileFormats
{
    /// <summary>The formats: CSV, Chrome/Perfetto JSON, Perfetto's protobuf; a new one is a sink file and one row here.</summary>
    public static IReadOnlyList<TraceFileFormat> All { get; } = Numbered(
    [
        new("csv", "trace.csv", "one row per activity", 62, path => new CsvTraceSink(path)),
        new("json", "trace.json", "Chrome/Perfetto JSON, ts in cycles", 145, path => new ChromeTraceSink(path)),
        new("perfetto", "trace.perfetto-trace", "Perfetto's protobuf trace, 1 ns = 1 cycle; about half the JSON's size", 60, path => new PerfettoTraceSink(path)),
    ]);

    /// <summary>The format named <paramref name="name"/> (any case), or null.</summary>
    public static TraceFileFormat? Named(string name) =>
        All.FirstOrDefault(f => f.Name.Equals(name, StringComparison.OrdinalIgnoreCase));

    /// <summary>The formats whose flags are set in <paramref name="formats"/>, in table order.</summary>
    public static IEnumerable<TraceFileFormat> In(SimulationTraceFormats formats) => All.Where(f => formats.HasFlag(f.Flag));

    // Row i gets bit i of the format set.
    private static TraceFileFormat[] Numbered(TraceFileFormat[] rows) =>
        [.. rows.Select((row, i) => row with { Flag = (SimulationTraceFormats)(1 << i) })];
}
