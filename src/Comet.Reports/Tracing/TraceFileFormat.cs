using Comet.Reports.Runs;
using Comet.Sim;

namespace Comet.Reports.Tracing;

/// <summary>One trace file a traced run can write: its <c>--trace-format</c> name, file name, mean row size and the sink that writes it.</summary>
/// <param name="Name">The name <c>--trace-format</c> takes.</param>
/// <param name="FileName">The file it writes in the output folder.</param>
/// <param name="Description">What the file holds, in the words <c>--help</c> shows.</param>
/// <param name="BytesPerRow">Mean bytes one trace row takes in it, measured on the reference cases (for the size estimate).</param>
/// <param name="CreateSink">Opens the sink that writes the file at a path.</param>
public sealed record TraceFileFormat(string Name, string FileName, string Description, int BytesPerRow, Func<string, ITraceSink> CreateSink)
{
    /// <summary>Its bit in <see cref="SimulationTraceFormats"/>: bit i for row i of <see cref="TraceFileFormats.All"/>.</summary>
    public SimulationTraceFormats Flag { get; init; }
}
