namespace Comet.Cli.Reports;

/// <summary>How much of the simulation is traced.</summary>
public enum SimulationTraceLevel
{
    /// <summary>No trace files (summary.json only).</summary>
    None,

    /// <summary>Compute, collective and stall rows only (no individual reads, writes or link transfers).</summary>
    Summary,

    /// <summary>Every hold and every wait.</summary>
    Full,
}
