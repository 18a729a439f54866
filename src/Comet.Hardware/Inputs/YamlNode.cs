namespace Comet.Hardware.Inputs;

/// <summary>One node of a parsed YAML document: a scalar, a list or a mapping, with the position it starts at.</summary>
/// <remarks>
/// The loaders read this tree, whichever parser built it: <see cref="BlockYamlScanner"/> for the block-style YAML our
/// inputs are written in, YamlDotNet (through <see cref="YamlDotNetReader"/>) for anything else.
/// </remarks>
public abstract class YamlNode
{
    private protected YamlNode(YamlMark start) => Start = start;

    /// <summary>Where the node starts (for a mapping or list: its first key or item, or its opening bracket).</summary>
    public YamlMark Start { get; }
}
