namespace Comet.Hardware.Components;

/// <summary>One DRAM channel: a FIFO server moving <paramref name="BytesPerCycle"/> after a fixed access latency.</summary>
/// <param name="BytesPerCycle">Channel bandwidth, bytes per cycle.</param>
/// <param name="AccessLatencyCycles">Cycles added to every request (0 by default, as COMET assumes).</param>
public sealed record DramChannelParameters(long BytesPerCycle, long AccessLatencyCycles = 0);
