namespace Comet.Workloads.Generation;

/// <summary>A DataMovement_Tile node: a temporal or spatial loop level staging its entries' tiles from their targets to their children.</summary>
/// <param name="Spatial">True for a spatial node (two factor lines, X then Y), false for a temporal one.</param>
/// <param name="Dimensions">The problem's dimensions, in the order the factor lines list them.</param>
/// <param name="Entries">The tensors the node moves.</param>
/// <param name="Permutation">The loop order, inner to outer (e.g. <c>KNM</c>).</param>
/// <param name="Subtree">The children, bindings included, in order.</param>
public sealed record TileNodeSpec(bool Spatial, IReadOnlyList<string> Dimensions, IReadOnlyList<TileEntrySpec> Entries, string Permutation, IReadOnlyList<MappingNodeSpec> Subtree) : MappingNodeSpec;
