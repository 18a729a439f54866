namespace Comet.Workloads.Inputs;

/// <summary>A <c>DataMovement_Tile</c>: one loop level (temporal or spatial) moving tiles of several tensors.</summary>
public sealed record DataMovementTileNode : MappingNode
{
    /// <summary>Whether the loop is spatial (fan-out to instances) rather than temporal.</summary>
    public required bool IsSpatial { get; init; }

    /// <summary>The tensor entries in file order.</summary>
    public required IReadOnlyList<TileEntry> Entries { get; init; }

    /// <summary>Loop order as dimension ids, innermost first.</summary>
    public required IReadOnlyList<int> Permutation { get; init; }

    /// <summary>Whether the only child is an operation (a leaf loop).</summary>
    public bool IsLeaf => Children.Count > 0 && Children[0] is OperationNode;
}
