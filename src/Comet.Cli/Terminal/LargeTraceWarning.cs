using System.Globalization;
using Comet.Reports.Runs;
using Comet.Workloads.Execution;
using Comet.Workloads.Inputs;

namespace Comet.Cli.Terminal;

/// <summary>The line announcing, before a run, that its trace files will be large, with the <c>--trace</c> levels that keep them small.</summary>
public static class LargeTraceWarning
{
    /// <summary>A full trace at least this large is announced before the run (1 GB).</summary>
    public const long DefaultWarningBytes = 1_000_000_000;

    /// <summary>The warning for <paramref name="request"/>, or null when its trace is not estimated at <paramref name="warningBytes"/> or more.</summary>
    public static string? For(SimulationRequest request, long warningBytes = DefaultWarningBytes)
    {
        ArgumentNullException.ThrowIfNull(request);
        // Leaves stream only where the executor streams them: not under a binding that shares engines.
        var mapping = request.Inputs.Mapping;
        return For(mapping, request.ExecutionOrDefault.StreamLeaves && EngineSharing.EnginesExclusive(mapping), request.Trace, request.TraceFormatsOrDefault, warningBytes);
    }

    /// <summary>The line announcing a large trace, or null when the estimate of a <c>full</c> or <c>raw</c> trace is under <paramref name="warningBytes"/>.</summary>
    public static string? For(Mapping mapping, bool streamLeaves, SimulationTraceLevel level, SimulationTraceFormats formats, long warningBytes)
    {
        if (level is not (SimulationTraceLevel.Full or SimulationTraceLevel.Raw) || formats == SimulationTraceFormats.None)
        {
            return null;
        }

        var rows = TraceSizeEstimate.Rows(mapping, streamLeaves);
        var bytes = TraceSizeEstimate.Bytes(rows, formats);
        if (bytes < warningBytes)
        {
            return null;
        }

        return $"warning: this run's trace files are estimated at {Size(bytes)} ({Millions(rows)} rows, from the mapping's loop factors); --trace summary keeps only compute, collective and stall rows, --trace none writes no trace";
    }

    // "1.3 GB", "870 MB": decimal units, as file managers show them.
    private static string Size(long bytes) => bytes >= 1_000_000_000
        ? (bytes / 1e9).ToString("0.0", CultureInfo.InvariantCulture) + " GB"
        : (bytes / 1e6).ToString("0", CultureInfo.InvariantCulture) + " MB";

    private static string Millions(long rows) => (rows / 1e6).ToString("0.0", CultureInfo.InvariantCulture) + " M";
}
