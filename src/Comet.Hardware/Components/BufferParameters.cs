namespace Comet.Hardware.Components;

/// <summary>An SRAM buffer: capacity, ports and per-direction bandwidths, and the energy of a row access.</summary>
/// <param name="Name">Hierarchy level name (e.g. <c>GBuffer</c>).</param>
/// <param name="CapacityBytes">Bytes the buffer can hold (width × depth).</param>
/// <param name="WidthBytes">Bytes of one row (the priced access).</param>
/// <param name="Ports">Parallel ports serving distinct child tiles.</param>
/// <param name="ParentReadBytesPerCycle">Bandwidth supplied to the parent (drains), bytes/cycle.</param>
/// <param name="ParentWriteBytesPerCycle">Bandwidth accepted from the parent (fills), bytes/cycle.</param>
/// <param name="ChildReadBytesPerCycle">Bandwidth supplied to the children (fills of children), all ports together.</param>
/// <param name="ChildWriteBytesPerCycle">Bandwidth accepted from the children (drains of children), all ports together.</param>
/// <param name="LinkReadBytesPerCycle">Bandwidth read for collectives between instances.</param>
/// <param name="LinkWriteBytesPerCycle">Bandwidth written by collectives between instances.</param>
/// <param name="ParentChildPortsShared">True when parent-side and child-side traffic share the same read and write ports.</param>
/// <param name="ParentReadEnergy">pJ per row the buffer reads as the target of a move, for a child (COMET's <c>parent_read_energy</c>).</param>
/// <param name="ParentWriteEnergy">pJ per row the buffer writes as the target of a move, from a child (COMET's <c>parent_write_energy</c>).</param>
/// <param name="ChildReadEnergy">pJ per row the buffer reads as the child of a move (drained by its parent) or for a collective (COMET's <c>child_read_energy</c>).</param>
/// <param name="ChildWriteEnergy">pJ per row the buffer writes as the child of a move (filled by its parent) or for a collective (COMET's <c>child_write_energy</c>).</param>
public sealed record BufferParameters(
    string Name,
    long CapacityBytes,
    long WidthBytes,
    int Ports,
    long ParentReadBytesPerCycle,
    long ParentWriteBytesPerCycle,
    long ChildReadBytesPerCycle,
    long ChildWriteBytesPerCycle,
    long LinkReadBytesPerCycle = 0,
    long LinkWriteBytesPerCycle = 0,
    bool ParentChildPortsShared = false,
    double ParentReadEnergy = 0,
    double ParentWriteEnergy = 0,
    double ChildReadEnergy = 0,
    double ChildWriteEnergy = 0);
