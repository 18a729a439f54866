namespace Comet.Workloads.Generation;

/// <summary>Operations of a column-split row step that run between two all-reduces: the tiles the cores stage, the SIMD operations, and the all-reduce of the row statistic they leave (if any).</summary>
/// <param name="Entries">The tensors staged between the cluster buffer and the output buffers (a written statistic with WriteBack), with the operation each belongs to.</param>
/// <param name="Operations">The SIMD operations in run order: mapping type, name, tensors (inputs, then the output).</param>
/// <param name="AllReduce">The all-reduce after the group: its tag, reduction and the row statistic reduced; null for none.</param>
public sealed record RowStepGroup(
    IReadOnlyList<(string Tensor, bool WriteBack, string Tag)> Entries,
    IReadOnlyList<(string Type, string Name, IReadOnlyList<string> Tensors)> Operations,
    (string Tag, string Operation, string Tensor)? AllReduce);
