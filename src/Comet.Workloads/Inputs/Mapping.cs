namespace Comet.Workloads.Inputs;

/// <summary>A parsed mapping.yaml tree.</summary>
/// <param name="Root">The root node (a DataMovement_Tile).</param>
/// <param name="Nodes">All nodes by pre-order index.</param>
public sealed record Mapping(DataMovementTileNode Root, IReadOnlyList<MappingNode> Nodes)
{
    /// <summary>The parent of a node, or null for the root.</summary>
    public MappingNode? Parent(MappingNode node) => node.ParentIndex < 0 ? null : Nodes[node.ParentIndex];
}
