namespace Comet.Sim;

/// <summary>What a traced component was doing during a slice of time.</summary>
public enum ActivityKind
{
    /// <summary>Reading data (e.g. from DRAM or a buffer).</summary>
    Read,

    /// <summary>Writing data.</summary>
    Write,

    /// <summary>Moving data over a link or network.</summary>
    Transfer,

    /// <summary>Computing (a GEMM or SIMD tile).</summary>
    Compute,

    /// <summary>Taking part in a collective (reduction, broadcast, ...).</summary>
    Collective,

    /// <summary>Waiting; <see cref="TraceRecord.Detail"/> says why.</summary>
    Stall,
}
