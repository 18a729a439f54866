using Comet.Sim;

namespace Comet.Hardware.Components;

/// <summary>A set of identical ports of one memory in one direction, each moving a fixed number of bytes per cycle.</summary>
public sealed class PortPool
{
    /// <summary>Creates a pool of <paramref name="ports"/> ports of <paramref name="bytesPerCycle"/> each.</summary>
    public PortPool(Simulation sim, ComponentRef owner, string direction, int ports, long bytesPerCycle, long accessLatencyCycles = 0)
    {
        Owner = owner;
        Direction = direction;
        Ports = Math.Max(1, ports);
        BytesPerCycle = bytesPerCycle;
        AccessLatencyCycles = accessLatencyCycles;
        Key = $"{owner.Name}[{owner.Instance}].{direction}";
        Resource = new Resource(sim, Ports, Key);
    }

    /// <summary>The memory the ports belong to.</summary>
    public ComponentRef Owner { get; }

    /// <summary>The direction the ports serve (e.g. <c>child_read</c>, <c>parent_write</c>, <c>link_read</c>).</summary>
    public string Direction { get; }

    /// <summary>Number of ports that can serve transfers at the same time.</summary>
    public int Ports { get; }

    /// <summary>Bandwidth of one port, bytes per cycle.</summary>
    public long BytesPerCycle { get; }

    /// <summary>Fixed cycles added to every access (0 for SRAM; DRAM's access latency).</summary>
    public long AccessLatencyCycles { get; }

    /// <summary>A unique, ordered name (<c>Owner[i].direction</c>) used to acquire several pools without deadlock.</summary>
    public string Key { get; }

    /// <summary>The stall reason of a transfer waiting for a port of this pool: <c>port:Owner[i].direction</c>.</summary>
    public string StallReason => field ??= "port:" + Key;

    /// <summary>The kernel resource whose capacity is the number of ports.</summary>
    public Resource Resource { get; }

    /// <summary>Cycles any port of the pool was held, summed over ports.</summary>
    public long BusyCycles { get; private set; }

    /// <summary>Records that one port was held for <paramref name="cycles"/>.</summary>
    public void AddBusy(long cycles) => BusyCycles += cycles;

    /// <summary>Cycles one port is held to move <paramref name="bytes"/> at <paramref name="bytesPerCycle"/> (the pool's own bandwidth when 0).</summary>
    public long HoldCycles(long bytes, long bytesPerCycle = 0) =>
        bytes <= 0 ? 0 : Cycles.ForBytes(bytes, bytesPerCycle > 0 ? bytesPerCycle : BytesPerCycle) + AccessLatencyCycles;
}
