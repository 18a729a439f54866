namespace Comet.Hardware.Inputs;

/// <summary>Where a YAML node starts in its file: 1-based line and column, as error messages give them.</summary>
/// <param name="Line">1-based line.</param>
/// <param name="Column">1-based column.</param>
public readonly record struct YamlMark(long Line, long Column);
