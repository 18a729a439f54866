namespace Comet.Hardware.Components;

/// <summary>How a tile move uses its ports and the mesh.</summary>
public enum TransferMode
{
    /// <summary>A DMA pipeline: chunks stream through the source ports, the mesh and the destination ports at once, through bounded staging buffers (<see cref="PipelinedTransfer"/>).</summary>
    Pipelined,

    /// <summary>The ports of both sides are held together for the whole tile, then the tile crosses the mesh (<see cref="DataTransfer"/>: max(Tt, Tc) + Lnet).</summary>
    Serial,
}
