using Comet.Hardware.Energy;
using Comet.Sim;

namespace Comet.Hardware.Components;

/// <summary>A DRAM whose channels are FIFO servers; a request is split over the channels it is interleaved across.</summary>
public sealed class Dram : IMemory
{
    private readonly PortPool[] _channels;
    private readonly AccessAccount _reads;
    private readonly AccessAccount _writes;

    /// <summary>Creates the DRAM's channels and its energy accounts.</summary>
    public Dram(Simulation sim, DramParameters parameters, EnergyLedger ledger, int instance = 0)
    {
        Parameters = parameters;
        Ref = new ComponentRef(parameters.Name, instance);
        var count = Math.Max(1, parameters.Channels);
        _channels = new PortPool[count];
        for (var c = 0; c < count; c++)
        {
            var name = count == 1 ? "channel" : $"channel{c}";
            _channels[c] = new PortPool(sim, Ref, name, 1, parameters.Channel.BytesPerCycle, parameters.Channel.AccessLatencyCycles);
        }

        _reads = ledger.Open(parameters.Name, "read", parameters.ReadEnergyPerAccess, parameters.WidthBytes);
        _writes = ledger.Open(parameters.Name, "write", parameters.WriteEnergyPerAccess, parameters.WidthBytes);
    }

    /// <summary>The DRAM's parameters.</summary>
    public DramParameters Parameters { get; }

    /// <summary>The DRAM's trace identity.</summary>
    public ComponentRef Ref { get; }

    /// <summary>The channels (one FIFO port each).</summary>
    public IReadOnlyList<PortPool> Channels => _channels;

    /// <summary>Bytes read so far.</summary>
    public long BytesRead => _reads.Units;

    /// <summary>Bytes written so far.</summary>
    public long BytesWritten => _writes.Units;

    /// <summary>A DRAM holds every tile: a move never waits for its space.</summary>
    public Container? Space => null;

    /// <inheritdoc />
    public string SpaceReason => "";

    /// <inheritdoc />
    public IEnumerable<PortPool> Pools => _channels;

    /// <summary>The channel holds of the request, each streaming no faster than the router port.</summary>
    public PortUses ServeChild(long bytes, bool read, long routerBytesPerCycle) => Capped(bytes, write: !read, routerBytesPerCycle);

    /// <summary>The channel holds of the request (a fill writes, a drain reads), each streaming no faster than the router port.</summary>
    public PortUses ServeParent(ComponentRef parent, long bytes, bool drain, long routerBytesPerCycle) => Capped(bytes, write: !drain, routerBytesPerCycle);

    private PortUses Capped(long bytes, bool write, long routerBytesPerCycle)
    {
        if (_channels.Length == 1)
        {
            var only = _channels[0];
            return new(new PortUse(only, bytes, RouterPort.Cap(only.BytesPerCycle, routerBytesPerCycle), write ? ActivityKind.Write : ActivityKind.Read, write ? _writes : _reads));
        }

        var uses = Uses(bytes, write).ToArray();
        for (var i = 0; i < uses.Length; i++)
        {
            uses[i] = uses[i] with { BytesPerCycle = RouterPort.Cap(uses[i].Pool.BytesPerCycle, routerBytesPerCycle) };
        }

        return new(uses);
    }

    /// <summary>The channel holds that serve a request of <paramref name="bytes"/> starting at byte <paramref name="address"/>.</summary>
    public IEnumerable<PortUse> Uses(long bytes, bool write, long address = 0)
    {
        var account = write ? _writes : _reads;
        var activity = write ? ActivityKind.Write : ActivityKind.Read;
        if (_channels.Length == 1)
        {
            yield return new PortUse(_channels[0], bytes, 0, activity, account);
            yield break;
        }

        // Interleaving: consecutive InterleaveBytes chunks go to consecutive channels.
        var perChannel = new long[_channels.Length];
        var chunk = Math.Max(1, Parameters.InterleaveBytes);
        var remaining = bytes;
        var position = address;
        while (remaining > 0)
        {
            var inChunk = Math.Min(remaining, chunk - position % chunk);
            perChannel[(position / chunk) % _channels.Length] += inChunk;
            position += inChunk;
            remaining -= inChunk;
        }

        for (var c = 0; c < _channels.Length; c++)
        {
            if (perChannel[c] > 0)
            {
                yield return new PortUse(_channels[c], perChannel[c], 0, activity, account);
            }
        }
    }

    /// <summary>A process that reads or writes <paramref name="bytes"/> alone (no peer port, no network).</summary>
    public IEnumerable<Event> Access(Simulation sim, ComponentRef requester, long bytes, bool write, ActivityLabel label) =>
        DataTransfer.Run(sim, requester, label, Uses(bytes, write).ToArray(), null);
}
