namespace Comet.Hardware.Components;

/// <summary>The part of a transfer that crosses a mesh: from one router to one or more routers.</summary>
/// <param name="Mesh">The network crossed.</param>
/// <param name="From">The router the data enters at.</param>
/// <param name="To">The routers it must reach.</param>
/// <param name="Multicast">True: one tree (the network replicates); false: one unicast per destination, all in flight together.</param>
public sealed record NetworkLeg(MeshNoc Mesh, MeshNode From, IReadOnlyList<MeshNode> To, bool Multicast);
