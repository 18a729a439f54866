namespace Comet.Workloads.Inputs;

/// <summary>A parsed problem.yaml: global dimensions and sizes, tensors and operations.</summary>
/// <param name="DimensionNames">Dimension names; the id is the position.</param>
/// <param name="DimensionSizes">Global size of each dimension.</param>
/// <param name="TensorNames">Tensor names; the id is the order of first appearance across operations.</param>
/// <param name="Inputs">Global input tensors (<c>io.ins</c>).</param>
/// <param name="Outputs">Global output tensors (<c>io.outs</c>).</param>
/// <param name="Operations">Operations in file order.</param>
/// <param name="IntermediateTensorIds">Tensors that are neither global inputs nor outputs, in name order.</param>
public sealed record Problem(
    IReadOnlyList<string> DimensionNames,
    IReadOnlyList<long> DimensionSizes,
    IReadOnlyList<string> TensorNames,
    IReadOnlyList<string> Inputs,
    IReadOnlyList<string> Outputs,
    IReadOnlyList<ProblemOperation> Operations,
    IReadOnlyList<int> IntermediateTensorIds)
{
    /// <summary>Finds an operation by name, or null.</summary>
    public ProblemOperation? FindOperation(string name)
    {
        foreach (var op in Operations)
        {
            if (op.Name == name)
            {
                return op;
            }
        }

        return null;
    }

    /// <summary>The id of a tensor name, or −1.</summary>
    public int TensorId(string name)
    {
        for (var i = 0; i < TensorNames.Count; i++)
        {
            if (TensorNames[i] == name)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>The id of a dimension name, or −1.</summary>
    public int DimensionId(string name)
    {
        for (var i = 0; i < DimensionNames.Count; i++)
        {
            if (DimensionNames[i] == name)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Whether the tensor is intermediate (produced and consumed inside the compound operation).</summary>
    public bool IsIntermediate(int tensorId) => IntermediateTensorIds.Contains(tensorId);

    /// <summary>The projection used for a tensor under a tag: the tagged operation's, else the first operation using the tensor.</summary>
    public TensorProjection? ProjectionFor(int tensorId, string tag)
    {
        if (FindOperation(tag) is { } op && op.Projections.TryGetValue(tensorId, out var p))
        {
            return p;
        }

        foreach (var candidate in Operations)
        {
            if (candidate.Projections.TryGetValue(tensorId, out var q))
            {
                return q;
            }
        }

        return null;
    }
}
