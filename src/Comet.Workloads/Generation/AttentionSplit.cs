namespace Comet.Workloads.Generation;

/// <summary>How self-attention spreads over a preset: (batch × head) pairs over the clusters first, query rows over what is left of the cluster mesh and over each cluster's cores.</summary>
/// <param name="HeadsX">Head groups along the cluster mesh's X.</param>
/// <param name="HeadsY">Head groups along the cluster mesh's Y.</param>
/// <param name="RowsX">Query-row groups along the cluster mesh's X (1 when heads take X).</param>
/// <param name="RowsY">Query-row groups along the cluster mesh's Y (1 when heads take Y).</param>
/// <param name="Cores">The query rows' split over each cluster's cores.</param>
/// <param name="HeadsPerCluster">Heads each cluster handles one after the other.</param>
/// <param name="RowsPerCore">Query rows each core handles per head.</param>
public sealed record AttentionSplit(long HeadsX, long HeadsY, long RowsX, long RowsY, MeshSplit Cores, long HeadsPerCluster, long RowsPerCore)
{
    /// <summary>Heads go to a cluster mesh side they divide evenly (both sides, else X, else Y); the sides heads do not take split the query rows, as do the cores.</summary>
    /// <param name="heads">Batch × heads: independent attention problems.</param>
    /// <param name="seq">The sequence length L (query rows and keys).</param>
    /// <param name="clusters">The cluster mesh used.</param>
    /// <param name="cores">The core mesh used inside each cluster.</param>
    /// <exception cref="Hardware.Inputs.InputException">L is not a multiple of the query-row split.</exception>
    public static AttentionSplit Of(long heads, long seq, MeshSplit clusters, MeshSplit cores)
    {
        ArgumentNullException.ThrowIfNull(clusters);
        ArgumentNullException.ThrowIfNull(cores);
        var (hx, hy) = heads % clusters.Ways == 0 ? (clusters.X, clusters.Y)
            : heads % clusters.X == 0 ? (clusters.X, 1L)
            : heads % clusters.Y == 0 ? (1L, clusters.Y)
            : (1L, 1L);
        var rows = new MeshSplit(clusters.X / hx, clusters.Y / hy);
        var perCore = TileFactorRule.PerCore("L", seq, rows, cores);
        return new AttentionSplit(hx, hy, rows.X, rows.Y, cores, heads / (hx * hy), perCore);
    }
}
