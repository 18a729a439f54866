namespace Comet.Hardware.Components;

/// <summary>A 2-D mesh network between the instances of one hierarchy level (or from their parent into them).</summary>
/// <param name="Name">Trace name of the network (e.g. <c>GBuffer.noc</c>).</param>
/// <param name="NodeName">Name of the instances at the routers, used in link names (e.g. <c>GB</c>).</param>
/// <param name="X">Routers along X.</param>
/// <param name="Y">Routers along Y.</param>
/// <param name="HopLatencyCycles">Router latency of one hop, cycles.</param>
/// <param name="ChannelWidthBits">Bits a link carries per queuing-delay unit (COMET's W).</param>
/// <param name="QueuingDelay">Cycles per channel-width of data queued at a hop (COMET's q); 0 = no serialization.</param>
/// <param name="PortBytesPerCycle">Bandwidth of a router's local port, bytes per cycle; it caps the memory ports feeding it.</param>
/// <param name="BroadcastSupport">True when a router can replicate a packet (multicast trees).</param>
/// <param name="ReductionSupport">True when routers can combine packets (in-network reduction).</param>
/// <param name="ReductionLatencyCycles">Extra cycles a router spends combining packets.</param>
/// <param name="PicojoulesPerByteHop">Energy of one byte crossing one link, pJ.</param>
/// <param name="RouterEnergy">Also price every hop with the Orion router/link model (COMET's <c>--calc_noc_energy</c>), for the bytes that hop carries.</param>
public sealed record MeshParameters(
    string Name,
    string NodeName,
    int X,
    int Y,
    long HopLatencyCycles,
    long ChannelWidthBits = 32,
    long QueuingDelay = 0,
    long PortBytesPerCycle = 0,
    bool BroadcastSupport = false,
    bool ReductionSupport = false,
    long ReductionLatencyCycles = 0,
    double PicojoulesPerByteHop = 0,
    bool RouterEnergy = false)
{
    /// <summary>Number of routers (and attached instances).</summary>
    public int Nodes => X * Y;

    /// <summary>Cycles of the first <paramref name="hops"/> store-and-forward hops of a packet of <paramref name="bytes"/>: ⌊hops·(h + bits·q/W)⌋.</summary>
    public long PathCycles(long bytes, long hops)
    {
        // Kept as one exact rational so that per-hop holds add up to the same total however the path is cut.
        var numerator = HopLatencyCycles * ChannelWidthBits + bytes * 8 * QueuingDelay;
        return ChannelWidthBits <= 0 ? hops * HopLatencyCycles : hops * numerator / ChannelWidthBits;
    }
}
