namespace Comet.Workloads.Generation;

/// <summary>An Operation leaf: one compute tile primitive on an engine.</summary>
/// <param name="Type">The operation type the engine runs (<c>GEMM</c>, <c>rowmax</c>, <c>add</c>, <c>exp</c>, <c>rowsum</c>, <c>div</c>, …).</param>
/// <param name="Name">The operation's name in problem.yaml.</param>
/// <param name="Tensors">The tensors it reads and writes.</param>
/// <param name="TilePrimitive">The tile primitive's extent per dimension (numbers or constant names), also used as every tensor's tile step.</param>
/// <param name="ReductionDimension">The dimension the latency model treats as reduced.</param>
/// <param name="ReductionFactor">That dimension's reduction factor (a number or constant name).</param>
public sealed record OperationNodeSpec(string Type, string Name, IReadOnlyList<string> Tensors, IReadOnlyList<KeyValuePair<string, string>> TilePrimitive, string ReductionDimension, string ReductionFactor) : MappingNodeSpec;
