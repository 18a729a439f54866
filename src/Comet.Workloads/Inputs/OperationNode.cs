namespace Comet.Workloads.Inputs;

/// <summary>An <c>Operation</c> leaf: the compute work of one tile primitive and each tensor's tile step.</summary>
public sealed record OperationNode : MappingNode
{
    /// <summary>The operation kind (<c>type</c>).</summary>
    public required OperationKind Kind { get; init; }

    /// <summary>The problem operation it executes (<c>name</c>).</summary>
    public required string OperationName { get; init; }

    /// <summary>The operation's tensors in file order.</summary>
    public required IReadOnlyList<int> Tensors { get; init; }

    /// <summary>The tile primitive, in the tool's hash-map iteration order (reverse of first appearance).</summary>
    public required IReadOnlyList<DimensionValue> TilePrimitive { get; init; }

    /// <summary>Each tensor's tile step, by tensor id then dimension id.</summary>
    public required IReadOnlyDictionary<int, IReadOnlyDictionary<int, long>> TileSteps { get; init; }

    /// <summary>The compute attributes (all flags off when the block is absent).</summary>
    public required ComputeAttributes Attributes { get; init; }

    /// <summary>Product of the tile primitive.</summary>
    public long TilePrimitiveVolume
    {
        get
        {
            long p = 1;
            foreach (var d in TilePrimitive)
            {
                p *= d.Value;
            }

            return p;
        }
    }
}
