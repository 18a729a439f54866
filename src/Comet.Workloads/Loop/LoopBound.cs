namespace Comet.Workloads.Loop;

/// <summary>One dimension of a loop level: the tile advances by <see cref="Stride"/> until <see cref="End"/>.</summary>
/// <param name="End">Extent covered by the level (stride × factor).</param>
/// <param name="Stride">Extent of one child tile.</param>
public readonly record struct LoopBound(long End, long Stride);
