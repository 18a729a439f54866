namespace Comet.Workloads.Collectives;

/// <summary>One step of a collective: ports stream together, then the flows cross the mesh together, then reductions run.</summary>
/// <param name="Name">What the phase does (e.g. <c>reduce</c>, <c>broadcast</c>).</param>
/// <param name="Ports">Buffer ports held together.</param>
/// <param name="Flows">Mesh transfers in flight together.</param>
/// <param name="Reductions">SIMD combines after the data arrived.</param>
public sealed record CollectivePhase(string Name, IReadOnlyList<CollectivePortHold> Ports, IReadOnlyList<CollectiveFlow> Flows, IReadOnlyList<CollectiveReduction> Reductions);
