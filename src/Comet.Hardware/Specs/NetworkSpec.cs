namespace Comet.Hardware.Specs;

/// <summary>A network described by a hierarchy entry's attributes (parent→child, or between instances when <c>link_transfers</c> is set).</summary>
/// <param name="Kind">Mesh or hierarchical crossbar.</param>
/// <param name="HasMesh">Whether <c>meshX</c> was given (otherwise the mesh is sized from the fan-out).</param>
/// <param name="MeshX">Mesh columns.</param>
/// <param name="MeshY">Mesh rows.</param>
/// <param name="PortBandwidth">Bytes/cycle per port (<c>bw</c>).</param>
/// <param name="HopLatency">Cycles per router hop.</param>
/// <param name="QueuingDelay">Cycles per flit of queuing (<c>queuing_delay</c>).</param>
/// <param name="ChannelWidth">Channel width W in bits per cycle (<c>channel_width</c>, default 32).</param>
/// <param name="BroadcastSupport">Whether the network multicasts.</param>
/// <param name="ReductionSupport">Whether the network reduces in flight.</param>
/// <param name="ReductionLatency">Cycles per in-network reduction step.</param>
/// <param name="HierarchyLevels">Crossbar fan-outs per level (HXbar only).</param>
/// <param name="PacketBytes">Largest packet a cut-through mesh cuts a transfer into, bytes (<c>packet_bytes</c>, an extension key).</param>
/// <param name="Attach">Routers the parent attaches to, one per network port (<c>attach</c>, an extension key); null: the default of <see cref="Components.MeshAttachments.Default"/>.</param>
public sealed record NetworkSpec(
    NetworkKind Kind,
    bool HasMesh,
    long MeshX,
    long MeshY,
    long PortBandwidth,
    long HopLatency,
    long QueuingDelay,
    long ChannelWidth,
    bool BroadcastSupport,
    bool ReductionSupport,
    long ReductionLatency,
    IReadOnlyList<long> HierarchyLevels,
    long PacketBytes = NetworkSpec.DefaultPacketBytes,
    IReadOnlyList<Components.MeshNode>? Attach = null)
{
    /// <summary>Default packet size of a cut-through mesh: 1 KiB (docs/simulator.md says why).</summary>
    public const long DefaultPacketBytes = 1024;

    /// <summary>Ports per node for collectives (2 for a flat mesh, 1 for a crossbar).</summary>
    public long Ports => Kind == NetworkKind.Mesh ? 2 : 1;

    /// <summary>Whether transfers are multicast (crossbars always are).</summary>
    public bool Multicasts => Kind == NetworkKind.HierarchicalCrossbar || BroadcastSupport;

    /// <summary>Whether drains are reduced in the network (crossbars never are).</summary>
    public bool Reduces => Kind == NetworkKind.Mesh && ReductionSupport;
}
