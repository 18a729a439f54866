using Comet.Sim;

namespace Comet.Hardware.Components;

/// <summary>One port hold inside a transfer: which pool, how many bytes, at which bandwidth, traced as which activity.</summary>
/// <param name="Pool">The port pool to take one port from.</param>
/// <param name="Bytes">Bytes the port moves.</param>
/// <param name="BytesPerCycle">Effective bandwidth of this use (0 = the pool's own).</param>
/// <param name="Activity">Read or write, as the trace should show it.</param>
/// <param name="Account">What the access is charged to (e.g. <c>child_read</c>), for energy.</param>
public readonly record struct PortUse(PortPool Pool, long Bytes, long BytesPerCycle, ActivityKind Activity, IAccessCounter? Account)
{
    /// <summary>Cycles the port is held.</summary>
    public long Cycles => Pool.HoldCycles(Bytes, BytesPerCycle);
}
