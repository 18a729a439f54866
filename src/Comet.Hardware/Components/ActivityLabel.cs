namespace Comet.Hardware.Components;

/// <summary>What a hold of a resource is working on: the mapping node/operation, the tensor and the tile index.</summary>
/// <param name="Operation">The mapping node or operation the activity belongs to.</param>
/// <param name="Tensor">The tensor moved or computed, or empty.</param>
/// <param name="Tile">The tile index within the node's loop, or −1 when it has none.</param>
public readonly record struct ActivityLabel(string Operation, string Tensor, long Tile)
{
    /// <summary>A label with no operation, tensor or tile.</summary>
    public static ActivityLabel None => new("", "", -1);
}
