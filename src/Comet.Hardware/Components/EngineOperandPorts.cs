using Comet.Sim;

namespace Comet.Hardware.Components;

/// <summary>The operand ports of one engine instance: one port in (operands) and one out (results) per neighbouring memory level, each at the router port's bandwidth.</summary>
/// <remarks>An engine holds no tiles of its own here (operand slots are the executor's), so it has no space and counts no bytes; its ports are what a move into or out of the engine holds.</remarks>
public sealed class EngineOperandPorts : IMemory
{
    private readonly Simulation _sim;
    private readonly List<(string Peer, bool Out, PortPool Pool)> _ports = [];

    /// <summary>Creates the (still portless) operand side of engine <paramref name="engine"/>; ports appear on first use.</summary>
    public EngineOperandPorts(Simulation sim, ComponentRef engine)
    {
        _sim = sim;
        Ref = engine;
    }

    /// <inheritdoc />
    public ComponentRef Ref { get; }

    /// <inheritdoc />
    public Container? Space => null;

    /// <inheritdoc />
    public string SpaceReason => "";

    /// <inheritdoc />
    public IEnumerable<PortPool> Pools => _ports.Select(p => p.Pool);

    /// <inheritdoc />
    public long BytesRead => 0;

    /// <inheritdoc />
    public long BytesWritten => 0;

    /// <summary>An engine has no children to serve.</summary>
    /// <exception cref="InvalidOperationException">Always.</exception>
    public PortUses ServeChild(long bytes, bool read, long routerBytesPerCycle) =>
        throw new InvalidOperationException($"{Ref} is an engine: it fills and drains no children");

    /// <summary>The engine's port towards <paramref name="parent"/>'s level (in: operands, out: results), which moves at the router port's bandwidth.</summary>
    public PortUses ServeParent(ComponentRef parent, long bytes, bool drain, long routerBytesPerCycle) =>
        new(new PortUse(Port(parent.Name, drain, routerBytesPerCycle), bytes, 0, drain ? ActivityKind.Read : ActivityKind.Write, null));

    private PortPool Port(string peer, bool outbound, long routerBytesPerCycle)
    {
        foreach (var (p, o, pool) in _ports)
        {
            if (o == outbound && string.Equals(p, peer, StringComparison.Ordinal))
            {
                return pool;
            }
        }

        var created = new PortPool(_sim, Ref, (outbound ? "out:" : "in:") + peer, 1, Math.Max(1, routerBytesPerCycle));
        _ports.Add((peer, outbound, created));
        return created;
    }
}
