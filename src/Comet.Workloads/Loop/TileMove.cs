namespace Comet.Workloads.Loop;

/// <summary>What one loop step moves for one tensor entry (the tool's DataMovementInfo).</summary>
/// <param name="Elements">Elements of one (projected) tile.</param>
/// <param name="UniqueTiles">Distinct tiles moved this step: 0 = reused from the previous step, 1 = one tile (multicast to all children), n = n distinct child tiles.</param>
/// <param name="FanOut">Child instances served (the spatial factor; 1 for temporal steps).</param>
public readonly record struct TileMove(long Elements, long UniqueTiles, long FanOut);
