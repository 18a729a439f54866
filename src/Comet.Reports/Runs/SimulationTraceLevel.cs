namespace Comet.Reports.Runs;

/// <summary>How much of the simulation is traced.</summary>
public enum SimulationTraceLevel
{
    /// <summary>No trace files (summary.json only).</summary>
    None,

    /// <summary>Compute, collective and stall rows only (no individual reads, writes or link transfers), contiguous repeats merged.</summary>
    Summary,

    /// <summary>Every activity, contiguous repeats of one activity merged into one row (busy, idle and stall intervals exact).</summary>
    Full,

    /// <summary>One row per hold and per wait, as the components write them (large: tens of millions of rows for big cases).</summary>
    Raw,
}
