namespace Comet.Hardware.Inputs;

/// <summary>A YAML mapping: its key/value pairs in file order, keys unique.</summary>
public sealed class YamlMappingNode : YamlNode
{
    /// <summary>Creates a mapping starting at <paramref name="start"/>; the array is the mapping's own, not copied.</summary>
    public YamlMappingNode(YamlMark start, KeyValuePair<YamlNode, YamlNode>[] children)
        : base(start) => Children = children;

    /// <summary>The key/value pairs in file order.</summary>
    public IReadOnlyList<KeyValuePair<YamlNode, YamlNode>> Children { get; }
}
