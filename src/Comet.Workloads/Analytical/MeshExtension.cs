namespace Comet.Workloads.Analytical;

/// <summary>A mesh the model priced outside COMET's hop table (1×1, 2×2, 4×4, 16×16), where the authors' tool aborts and Comet's derived hop count stands in.</summary>
/// <param name="Network">The network, named as the energy rows name it (<c>DRAM->GBuffer</c> for a fill or drain, <c>GBuffer&lt;-&gt;GBuffer</c> for a level's link mesh).</param>
/// <param name="X">Columns of the mesh a transfer occupied.</param>
/// <param name="Y">Rows of the mesh a transfer occupied.</param>
/// <param name="Hops">The hop count (and data multiplier) Comet used: (X − 1) + (Y − 1).</param>
public sealed record MeshExtension(string Network, long X, long Y, long Hops)
{
    /// <summary>One sentence for reports.</summary>
    public string Describe() =>
        $"{Network}: COMET has no hop table for a {X}x{Y} mesh (it aborts); the analytic figure uses Comet's extension H = D = (X-1)+(Y-1) = {Hops}";
}
