namespace Comet.Hardware.Components;

/// <summary>How a pipelined transfer is cut and buffered: the chunk a stage moves at a time and the chunks a staging buffer holds between two stages.</summary>
/// <param name="ChunkBytes">Bytes per chunk: the mesh's <c>packet_bytes</c> over a mesh, the target memory's <c>dma_chunk_bytes</c> otherwise.</param>
/// <param name="Depth">Chunks a staging buffer holds between two stages, not counting the chunk a stage is moving (<c>dma_staging_chunks</c>).</param>
public sealed record TransferStaging(long ChunkBytes, int Depth)
{
    /// <summary>Default chunk of a move with no mesh: 1 KiB, the default packet (docs/simulator.md).</summary>
    public const long DefaultChunkBytes = 1024;

    /// <summary>Default staging depth: two chunks (double buffering).</summary>
    public const int DefaultDepth = 2;

    /// <summary>The defaults: 1 KiB chunks, two staged.</summary>
    public static TransferStaging Default { get; } = new(DefaultChunkBytes, DefaultDepth);
}
