namespace Comet.Reports.Runs;

/// <summary>Which trace files a traced run writes (<c>--trace-format</c>): bit i is row i of <see cref="Tracing.TraceFileFormats.All"/>, the built-in rows named.</summary>
[Flags]
public enum SimulationTraceFormats
{
    /// <summary>No trace file.</summary>
    None = 0,

    /// <summary><c>trace.csv</c>: one row per activity.</summary>
    Csv = 1,

    /// <summary><c>trace.json</c>: the Chrome/Perfetto JSON trace, <c>ts</c> and <c>dur</c> in cycles.</summary>
    Json = 2,

    /// <summary><c>trace.perfetto-trace</c>: Perfetto's native protobuf trace, 1 ns = 1 cycle.</summary>
    Perfetto = 4,

    /// <summary>The default: CSV and JSON.</summary>
    Default = Csv | Json,
}
