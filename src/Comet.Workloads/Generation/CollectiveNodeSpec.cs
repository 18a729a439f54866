namespace Comet.Workloads.Generation;

/// <summary>An explicit collective between the instances of one level (e.g. an all-reduce of row partials across clusters).</summary>
/// <param name="Tag">The collective's tag.</param>
/// <param name="Level">The level whose instances take part (target, source, destination and child).</param>
/// <param name="Type">The collective: <c>allreduce</c>, <c>broadcast</c>, <c>gather</c>, ….</param>
/// <param name="ReductionOp">The reduction: <c>add</c>, <c>max</c> or <c>mult</c>.</param>
/// <param name="Dimension">The dimension split across the participants.</param>
/// <param name="Tensor">The tensor reduced in place.</param>
/// <param name="Precision">Bits per element.</param>
public sealed record CollectiveNodeSpec(string Tag, string Level, string Type, string ReductionOp, string Dimension, string Tensor, int Precision) : MappingNodeSpec;
