using Comet.Sim;

namespace Comet.Hardware.Components;

/// <summary>Something a tile moves into or out of (a DRAM, an SRAM buffer, an engine's operand ports): the ports each side of a move holds, the space a tile takes, and the bytes counted.</summary>
public interface IMemory
{
    /// <summary>The memory's trace identity.</summary>
    ComponentRef Ref { get; }

    /// <summary>Free bytes a resident tile takes until it is released, or null when tiles take no space here.</summary>
    Container? Space { get; }

    /// <summary>The stall reason written while waiting for <see cref="Space"/>.</summary>
    string SpaceReason { get; }

    /// <summary>Every port pool the memory has, in a fixed order (a pool serving two sides is listed once per side).</summary>
    IEnumerable<PortPool> Pools { get; }

    /// <summary>Bytes read out of the memory so far, all directions.</summary>
    long BytesRead { get; }

    /// <summary>Bytes written into the memory so far, all directions.</summary>
    long BytesWritten { get; }

    /// <summary>The port holds of this memory as the target of a move: reading <paramref name="bytes"/> for a child (a fill) or writing them from one (a drain), no faster than <paramref name="routerBytesPerCycle"/> (0: unlimited).</summary>
    PortUses ServeChild(long bytes, bool read, long routerBytesPerCycle);

    /// <summary>The port holds of this memory as the child of a move from <paramref name="parent"/>: written by a fill or read by a drain, no faster than <paramref name="routerBytesPerCycle"/> (0: unlimited).</summary>
    PortUses ServeParent(ComponentRef parent, long bytes, bool drain, long routerBytesPerCycle);
}
