namespace Comet.Hardware.Specs;

/// <summary>A memory type from arch.yaml's <c>MemoryTypes</c> list; bandwidths in bytes/cycle, energies in pJ per <see cref="WidthBytes"/>-byte access.</summary>
/// <param name="Name">The type name.</param>
/// <param name="WidthBytes">Bytes per access row.</param>
/// <param name="Depth">Rows.</param>
/// <param name="Ports">Ports for parallel transfers to distinct children.</param>
/// <param name="DoubleBuffered">Parsed, unused by the model.</param>
/// <param name="ReductionSupport">Parsed, unused by the latency model.</param>
/// <param name="ParentChildPortsShared">Whether this memory's parent and child ports are shared.</param>
/// <param name="ParentReadBandwidth">Bytes/cycle supplied to its parent.</param>
/// <param name="ParentWriteBandwidth">Bytes/cycle accepted from its parent.</param>
/// <param name="ChildReadBandwidth">Bytes/cycle supplied to its children.</param>
/// <param name="ChildWriteBandwidth">Bytes/cycle accepted from its children.</param>
/// <param name="LinkReadBandwidth">Bytes/cycle read for collectives between instances.</param>
/// <param name="LinkWriteBandwidth">Bytes/cycle written for collectives between instances.</param>
/// <param name="DmaContiguous">Whether network latency is charged only on the first and last tile.</param>
/// <param name="ParentReadEnergy">pJ per row read by the parent.</param>
/// <param name="ParentWriteEnergy">pJ per row written by the parent.</param>
/// <param name="ChildReadEnergy">pJ per row read by a child.</param>
/// <param name="ChildWriteEnergy">pJ per row written by a child.</param>
public sealed record MemoryTypeSpec(
    string Name,
    long WidthBytes,
    long Depth,
    long Ports,
    bool DoubleBuffered,
    bool ReductionSupport,
    bool ParentChildPortsShared,
    long ParentReadBandwidth,
    long ParentWriteBandwidth,
    long ChildReadBandwidth,
    long ChildWriteBandwidth,
    long LinkReadBandwidth,
    long LinkWriteBandwidth,
    bool DmaContiguous,
    double ParentReadEnergy,
    double ParentWriteEnergy,
    double ChildReadEnergy,
    double ChildWriteEnergy)
{
    /// <summary>Bytes per instance (width × depth).</summary>
    public long CapacityBytes => WidthBytes * Depth;

    /// <summary>Channels, interleave and access latency when this type is a DRAM (Comet extension keys; <see cref="DramSpec.Default"/> when absent).</summary>
    public DramSpec Dram { get; init; } = DramSpec.Default;

    /// <summary>Chunk and staging depth of the memory's pipelined moves to and from its children (Comet extension keys; <see cref="DmaSpec.Default"/> when absent).</summary>
    public DmaSpec Dma { get; init; } = DmaSpec.Default;

    /// <summary>The reduction cost factor of collectives (not configurable in the tool; always 1).</summary>
    public long ReductionCost => 1;
}
