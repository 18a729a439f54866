namespace Comet.Workloads.Inputs;

/// <summary>A node of the mapping tree; numbered in pre-order as the tool names them (<c>DataMovementTileNode::5</c>).</summary>
public abstract record MappingNode
{
    /// <summary>Pre-order number (the tool's node counter).</summary>
    public required int Index { get; init; }

    /// <summary>Index of the parent node, −1 for the root.</summary>
    public required int ParentIndex { get; init; }

    /// <summary>The tool's node name, e.g. <c>CollectiveOpNode::8</c>.</summary>
    public required string Name { get; init; }

    /// <summary>Key path in mapping.yaml, e.g. <c>mapping.subtree[0].subtree[1]</c>.</summary>
    public required string KeyPath { get; init; }

    /// <summary>1-based line of the node in mapping.yaml.</summary>
    public required long Line { get; init; }

    /// <summary>1-based column of the node in mapping.yaml.</summary>
    public required long Column { get; init; }

    /// <summary>Children in file order (bindings included).</summary>
    public required IReadOnlyList<MappingNode> Children { get; init; }
}
