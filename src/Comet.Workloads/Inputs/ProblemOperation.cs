namespace Comet.Workloads.Inputs;

/// <summary>One operation of problem.yaml (GEMM, softmax, ROWMAX …), named by the mapping's tags.</summary>
/// <param name="Name">The operation name (the mapping "tag").</param>
/// <param name="Inputs">Input tensor names.</param>
/// <param name="Output">Output tensor name.</param>
/// <param name="DimensionIds">Global ids of the dimensions it lists.</param>
/// <param name="Projections">Projection of each of its tensors, by tensor id.</param>
/// <param name="ReadWriteTensorIds">Tensors marked <c>read-write</c> (its output).</param>
/// <param name="InstanceSize">Product of the global sizes of its dimensions.</param>
public sealed record ProblemOperation(
    string Name,
    IReadOnlyList<string> Inputs,
    string Output,
    IReadOnlyList<int> DimensionIds,
    IReadOnlyDictionary<int, TensorProjection> Projections,
    IReadOnlyList<int> ReadWriteTensorIds,
    long InstanceSize)
{
    /// <summary>Whether the operation marks the tensor read-write.</summary>
    public bool IsReadWrite(int tensorId) => ReadWriteTensorIds.Contains(tensorId);
}
