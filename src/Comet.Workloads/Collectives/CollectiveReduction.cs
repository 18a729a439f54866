namespace Comet.Workloads.Collectives;

/// <summary>Elements a node combines on its SIMD unit at the end of a phase.</summary>
/// <param name="Node">The node (local mesh index).</param>
/// <param name="Elements">Elements combined.</param>
public sealed record CollectiveReduction(int Node, long Elements);
