namespace Comet.Hardware.Inputs;

/// <summary>A YAML scalar: its text as written, without quotes and without type resolution ("1", "true" and "~" stay text).</summary>
public sealed class YamlScalarNode : YamlNode
{
    /// <summary>Creates a scalar starting at <paramref name="start"/>.</summary>
    public YamlScalarNode(YamlMark start, string value)
        : base(start) => Value = value;

    /// <summary>The scalar's text.</summary>
    public string Value { get; }
}
