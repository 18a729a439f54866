namespace Comet.Workloads.Generation;

/// <summary>One tensor of a problem operation: its name, the dimensions it projects onto, and whether the operation writes it.</summary>
/// <param name="Name">The tensor's name.</param>
/// <param name="Dimensions">The dimensions of its projection, outer to inner.</param>
/// <param name="Written">True for the operation's output (<c>read-write</c>).</param>
public sealed record ProblemTensorSpec(string Name, IReadOnlyList<string> Dimensions, bool Written = false);
