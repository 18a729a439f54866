namespace Comet.Cli.Commands;

/// <summary>The case <c>comet</c> with no verb runs: one home for its folder and the words that describe it.</summary>
public static class DefaultRun
{
    /// <summary>The case folder, relative to the repository (or installation) root.</summary>
    public static readonly string[] FolderParts = ["examples", "compound", "gemm-softmax-edge-fused"];

    /// <summary>What the case is, for the verb's help and the console's first line.</summary>
    public const string Description = "GEMM-Softmax 256x256x128 fused on the edge preset: N split over 2x2 clusters, all-reduces of the row max and the row sum";
}
