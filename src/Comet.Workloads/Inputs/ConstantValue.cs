namespace Comet.Workloads.Inputs;

/// <summary>One constant of const.yaml.</summary>
/// <param name="Text">The scalar text.</param>
/// <param name="Line">1-based line of the value.</param>
/// <param name="Column">1-based column of the value.</param>
public sealed record ConstantValue(string Text, long Line, long Column);
