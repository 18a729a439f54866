namespace Comet.Workloads.Execution;

/// <summary>What one leaf invocation's local schedule observed, in cycles from the invocation's start.</summary>
/// <param name="End">When the last move or compute step ended.</param>
/// <param name="ComputeFirst">Start of the first compute step.</param>
/// <param name="ComputeLast">End of the last compute step.</param>
/// <param name="ComputeBusy">Cycles the engine computed.</param>
/// <param name="PortBusy">Per local port, cycles held by moves.</param>
/// <param name="PortFirst">Per local port, start of its first hold (-1 when never used).</param>
/// <param name="PortLast">Per local port, end of its last hold.</param>
public sealed record LeafStreamSchedule(long End, long ComputeFirst, long ComputeLast, long ComputeBusy, long[] PortBusy, long[] PortFirst, long[] PortLast);
