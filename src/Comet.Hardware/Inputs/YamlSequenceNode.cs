namespace Comet.Hardware.Inputs;

/// <summary>A YAML list, block (<c>- item</c>) or flow (<c>[a, b]</c>).</summary>
public sealed class YamlSequenceNode : YamlNode
{
    /// <summary>Creates a list starting at <paramref name="start"/>; the array is the list's own, not copied.</summary>
    public YamlSequenceNode(YamlMark start, YamlNode[] children)
        : base(start) => Children = children;

    /// <summary>The items in file order.</summary>
    public IReadOnlyList<YamlNode> Children { get; }
}
