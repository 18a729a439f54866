namespace Comet.Workloads.Inputs;

/// <summary>Behaviours of the reference tool that come from undefined behaviour or layout accidents, reproduced on purpose (see docs/quirks.md).</summary>
public static class ToolQuirks
{
    /// <summary>
    /// The tool casts the sibling two places left of a last child to a binding and reads its type field; a DataMovement_Tile
    /// there is read through its loop type (spatial → sharing, temporal → parallel), a collective or operation as parallel.
    /// </summary>
    public static BindingKind ReadAsBinding(MappingNode node) => node switch
    {
        InterTileBindingNode b => b.Kind,
        DataMovementTileNode { IsSpatial: true } => BindingKind.Sharing,
        DataMovementTileNode => BindingKind.Parallel,
        _ => BindingKind.Parallel,
    };

    /// <summary>
    /// Order key standing in for the heap address of a mapping node (the tool orders some maps by node pointer):
    /// collective nodes land in freed low chunks before the data-movement nodes, otherwise allocation follows pre-order.
    /// </summary>
    public static int HeapOrder(MappingNode node) => (node is CollectiveOperationNode ? 0 : 1 << 20) + node.Index;
}
