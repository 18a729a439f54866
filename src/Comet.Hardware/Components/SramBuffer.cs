using Comet.Hardware.Energy;
using Comet.Sim;

namespace Comet.Hardware.Components;

/// <summary>An SRAM buffer: a container of free bytes (tiles occupy space until consumed) and port pools per direction.</summary>
public sealed class SramBuffer : IMemory
{
    private readonly PortPool[] _pools = new PortPool[6];
    private readonly long[] _bandwidth = new long[6];
    private readonly AccessAccount?[] _accounts = new AccessAccount?[6];

    /// <summary>Creates instance <paramref name="instance"/> of the buffer with its free space, ports and energy accounts.</summary>
    public SramBuffer(Simulation sim, BufferParameters parameters, EnergyLedger ledger, int instance)
    {
        Parameters = parameters;
        Ref = new ComponentRef(parameters.Name, instance);
        SpaceReason = $"buffer_full:{parameters.Name}{instance}";
        Space = new Container(sim, Math.Max(1, parameters.CapacityBytes), Math.Max(1, parameters.CapacityBytes), $"{Ref}.space");
        var ports = Math.Max(1, parameters.Ports);
        _bandwidth[(int)BufferSide.ParentRead] = parameters.ParentReadBytesPerCycle;
        _bandwidth[(int)BufferSide.ParentWrite] = parameters.ParentWriteBytesPerCycle;
        _bandwidth[(int)BufferSide.ChildRead] = parameters.ChildReadBytesPerCycle;
        _bandwidth[(int)BufferSide.ChildWrite] = parameters.ChildWriteBytesPerCycle;
        _bandwidth[(int)BufferSide.LinkRead] = parameters.LinkReadBytesPerCycle;
        _bandwidth[(int)BufferSide.LinkWrite] = parameters.LinkWriteBytesPerCycle;

        // Ports: child-side pools have `ports` ports; parent and link sides one each. Shared ports: the parent side
        // uses the child side's read/write pools, so traffic above and below the buffer competes for them.
        var childRead = new PortPool(sim, Ref, "read", ports, parameters.ChildReadBytesPerCycle);
        var childWrite = new PortPool(sim, Ref, "write", ports, parameters.ChildWriteBytesPerCycle);
        _pools[(int)BufferSide.ChildRead] = childRead;
        _pools[(int)BufferSide.ChildWrite] = childWrite;
        _pools[(int)BufferSide.ParentRead] = parameters.ParentChildPortsShared ? childRead : new PortPool(sim, Ref, "parent_read", 1, parameters.ParentReadBytesPerCycle);
        _pools[(int)BufferSide.ParentWrite] = parameters.ParentChildPortsShared ? childWrite : new PortPool(sim, Ref, "parent_write", 1, parameters.ParentWriteBytesPerCycle);
        _pools[(int)BufferSide.LinkRead] = new PortPool(sim, Ref, "link_read", 1, parameters.LinkReadBytesPerCycle);
        _pools[(int)BufferSide.LinkWrite] = new PortPool(sim, Ref, "link_write", 1, parameters.LinkWriteBytesPerCycle);

        // COMET's fields name the role the buffer plays in a move, not the port: as the target (serving a child) it is
        // priced with parent_* energies, as the child (filled or drained by its parent) with child_* energies.
        var width = Math.Max(1, parameters.WidthBytes);
        _accounts[(int)BufferSide.ParentRead] = ledger.Open(parameters.Name, "parent_read", parameters.ChildReadEnergy, width);
        _accounts[(int)BufferSide.ParentWrite] = ledger.Open(parameters.Name, "parent_write", parameters.ChildWriteEnergy, width);
        _accounts[(int)BufferSide.ChildRead] = ledger.Open(parameters.Name, "child_read", parameters.ParentReadEnergy, width);
        _accounts[(int)BufferSide.ChildWrite] = ledger.Open(parameters.Name, "child_write", parameters.ParentWriteEnergy, width);

        // COMET prices collective reads/writes at the child energies.
        _accounts[(int)BufferSide.LinkRead] = ledger.Open(parameters.Name, "link_read", parameters.ChildReadEnergy, width);
        _accounts[(int)BufferSide.LinkWrite] = ledger.Open(parameters.Name, "link_write", parameters.ChildWriteEnergy, width);
    }

    /// <summary>The buffer's parameters.</summary>
    public BufferParameters Parameters { get; }

    /// <summary>The buffer's trace identity.</summary>
    public ComponentRef Ref { get; }

    /// <summary>Free bytes: a fill takes space before it starts, the tile's last consumer gives it back.</summary>
    public Container Space { get; }

    /// <inheritdoc />
    Container? IMemory.Space => Space;

    /// <summary>The stall reason written while waiting for space (<c>buffer_full:Name#</c>).</summary>
    public string SpaceReason { get; }

    /// <summary>The port pool serving <paramref name="side"/>.</summary>
    public PortPool Pool(BufferSide side) => _pools[(int)side];

    /// <summary>Nominal bandwidth of <paramref name="side"/> over all its ports, bytes per cycle.</summary>
    public long Bandwidth(BufferSide side) => _bandwidth[(int)side];

    /// <summary>A port use of one port on <paramref name="side"/> for <paramref name="bytes"/> at <paramref name="bytesPerCycle"/> (0: the side's bandwidth shared by its ports).</summary>
    public PortUse Use(BufferSide side, long bytes, long bytesPerCycle = 0)
    {
        var pool = _pools[(int)side];
        var bw = bytesPerCycle > 0 ? bytesPerCycle : PerPortBandwidth(side);
        var activity = side is BufferSide.ParentWrite or BufferSide.ChildWrite or BufferSide.LinkWrite ? ActivityKind.Write : ActivityKind.Read;
        return new PortUse(pool, bytes, bw, activity, _accounts[(int)side]);
    }

    /// <summary>Bandwidth of one port of <paramref name="side"/>: the side's bandwidth divided among the ports that share it.</summary>
    public long PerPortBandwidth(BufferSide side)
    {
        var bw = _bandwidth[(int)side];
        var ports = _pools[(int)side].Ports;
        return ports > 1 ? Math.Max(1, bw / ports) : bw;
    }

    /// <summary>Bytes counted through <paramref name="side"/> so far.</summary>
    public long Bytes(BufferSide side) => _accounts[(int)side]?.Units ?? 0;

    /// <inheritdoc />
    public IEnumerable<PortPool> Pools => Enum.GetValues<BufferSide>().Select(Pool);

    /// <inheritdoc />
    public long BytesRead => Bytes(BufferSide.ParentRead) + Bytes(BufferSide.ChildRead) + Bytes(BufferSide.LinkRead);

    /// <inheritdoc />
    public long BytesWritten => Bytes(BufferSide.ParentWrite) + Bytes(BufferSide.ChildWrite) + Bytes(BufferSide.LinkWrite);

    /// <summary>One child-side port (the side's bandwidth shared by its ports), capped by the router port.</summary>
    public PortUses ServeChild(long bytes, bool read, long routerBytesPerCycle)
    {
        var side = read ? BufferSide.ChildRead : BufferSide.ChildWrite;
        return new(Use(side, bytes, RouterPort.Cap(PerPortBandwidth(side), routerBytesPerCycle)));
    }

    /// <summary>The parent-side port (the side's whole bandwidth), capped by the router port.</summary>
    public PortUses ServeParent(ComponentRef parent, long bytes, bool drain, long routerBytesPerCycle)
    {
        var side = drain ? BufferSide.ParentRead : BufferSide.ParentWrite;
        return new(Use(side, bytes, RouterPort.Cap(Bandwidth(side), routerBytesPerCycle)));
    }
}
