namespace Comet.Fuzzing;

/// <summary>One mutated copy of an input file.</summary>
/// <param name="Kind">What was done.</param>
/// <param name="Description">Where and how, e.g. <c>ZeroNumber at 12:18 mapping.subtree[0].factors: '2' -> '0'</c>.</param>
/// <param name="Content">The mutated file's bytes (byte flips may make it invalid UTF-8).</param>
public sealed record YamlMutation(YamlMutationKind Kind, string Description, byte[] Content)
{
    /// <summary>The mutated content decoded as UTF-8 (invalid bytes become U+FFFD).</summary>
    public string Text => System.Text.Encoding.UTF8.GetString(Content);
}
