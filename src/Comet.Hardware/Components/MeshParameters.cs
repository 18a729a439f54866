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
/// <param name="RouterEnergy">Also price every hop with the Orion router/link model (COMET's <c>--calc_noc_energy</c>), per flit of the bytes that hop carries.</param>
/// <param name="Switching">Whole-transfer store-and-forward, or packets switched cut-through.</param>
/// <param name="PacketBytes">Largest packet a cut-through transfer is cut into, bytes (<c>packet_bytes</c>).</param>
/// <param name="OutputTurnaroundCycles">Cut-through: cycles an output stays idle after a packet's tail before it takes the next packet (0: the next is allocated while the tail streams; a router that reallocates its one virtual channel only once the tail has left, as BookSim's, has its VC allocation delay, 1).</param>
/// <param name="InputTurnaroundCycles">Cut-through: cycles after a packet's tail left an input buffer before the next packet there asks for an output (0: routed while the tail streams; BookSim's one-VC router routes and allocates it only then: routing plus VC allocation delay, 2).</param>
/// <param name="Attachments">Routers the parent of the mesh attaches to, one per network port (null: router (0,0)).</param>
/// <param name="LocalTrafficThroughRouter">Cut-through: data for the source router itself goes through its ejection port, as a network interface without a local loop-back does (BookSim's terminals); false: it never enters the network.</param>
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
    bool RouterEnergy = false,
    MeshSwitching Switching = MeshSwitching.StoreAndForward,
    long PacketBytes = Specs.NetworkSpec.DefaultPacketBytes,
    bool LocalTrafficThroughRouter = false,
    long OutputTurnaroundCycles = 0,
    long InputTurnaroundCycles = 0,
    IReadOnlyList<MeshNode>? Attachments = null)
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

    /// <summary>Cycles a link is busy streaming bytes [<paramref name="before"/>, <paramref name="before"/> + <paramref name="bytes"/>) of a transfer: one channel width per queuing delay, or per cycle when the delay is 0.</summary>
    public long LinkCycles(long before, long bytes)
    {
        // s = ⌈(c+b)·8·q/W⌉ − ⌈c·8·q/W⌉ (q := 1 when 0): cut at cumulative offsets so a transfer's packets add up to ⌈bytes·8·q/W⌉.
        var q = Math.Max(1, QueuingDelay);
        return CeilDiv((before + bytes) * 8 * q, ChannelWidthBits) - CeilDiv(before * 8 * q, ChannelWidthBits);
    }

    /// <summary>Cycles a router's local (ejection) port is busy delivering bytes [<paramref name="before"/>, <paramref name="before"/> + <paramref name="bytes"/>): at the port bandwidth, or at the link rate when the port has none.</summary>
    public long PortCycles(long before, long bytes) =>
        // s = ⌈(c+b)/bw⌉ − ⌈c/bw⌉
        PortBytesPerCycle > 0 ? CeilDiv(before + bytes, PortBytesPerCycle) - CeilDiv(before, PortBytesPerCycle) : LinkCycles(before, bytes);

    private static long CeilDiv(long a, long b) => (a + b - 1) / b;
}
