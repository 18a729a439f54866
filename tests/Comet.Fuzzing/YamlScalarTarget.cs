namespace Comet.Fuzzing;

/// <summary>A scalar value of a YAML document, located in the text.</summary>
/// <param name="Path">Key path of the value, e.g. <c>const.M_TP</c> or <c>mapping.target[1]</c>.</param>
/// <param name="Start">Character index where the scalar starts (its opening quote, if quoted).</param>
/// <param name="End">Character index after the scalar.</param>
/// <param name="Line">1-based line.</param>
/// <param name="Column">1-based column.</param>
public sealed record YamlScalarTarget(string Path, int Start, int End, long Line, long Column);
