namespace Comet.Workloads.Loop;

/// <summary>The pure "what moves" analysis of a mapping: per DataMovement_Tile the loop entries and tile moves, per collective its tile sizes.</summary>
/// <param name="Tiles">By mapping node index; null for non-tile nodes.</param>
/// <param name="Collectives">By mapping node index; null for non-collective nodes.</param>
public sealed record LoopNestAnalysis(
    IReadOnlyList<LoopNestNode?> Tiles,
    IReadOnlyList<CollectiveTransfer?> Collectives);
