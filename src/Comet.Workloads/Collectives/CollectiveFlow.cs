namespace Comet.Workloads.Collectives;

/// <summary>Data crossing the mesh in one phase: from one node to one or more nodes.</summary>
/// <param name="From">Source node (local mesh index).</param>
/// <param name="To">Destination nodes.</param>
/// <param name="Bytes">Bytes carried.</param>
/// <param name="Multicast">True: one tree replicated by the routers; false: one unicast per destination.</param>
public sealed record CollectiveFlow(int From, IReadOnlyList<int> To, long Bytes, bool Multicast);
