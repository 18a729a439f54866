using Comet.Hardware.Components;

namespace Comet.Hardware.Specs;

/// <summary>How a memory's DMA engine moves a tile to or from its children: Comet extension keys of a memory type's <c>attributes</c>.</summary>
/// <param name="ChunkBytes">Bytes a pipelined move with no mesh streams at a time (<c>dma_chunk_bytes</c>; over a mesh the chunk is the network's <c>packet_bytes</c>).</param>
/// <param name="StagingChunks">Chunks a staging buffer holds between two stages of a pipelined move (<c>dma_staging_chunks</c>).</param>
public sealed record DmaSpec(long ChunkBytes = TransferStaging.DefaultChunkBytes, int StagingChunks = TransferStaging.DefaultDepth)
{
    /// <summary>Most chunks a staging buffer may hold.</summary>
    public const int MaxStagingChunks = 1 << 20;

    /// <summary>The defaults: 1 KiB chunks, two staged.</summary>
    public static DmaSpec Default { get; } = new();
}
