namespace Comet.Workloads.Collectives;

/// <summary>A node's buffer port busy in one phase: reading what it sends or writing what it receives.</summary>
/// <param name="Node">The node (local mesh index).</param>
/// <param name="Write">True for the link-write port, false for the link-read port.</param>
/// <param name="Bytes">Bytes through the port.</param>
/// <param name="MeshPorts">Router ports feeding this buffer port at once (a gather root drains two).</param>
public sealed record CollectivePortHold(int Node, bool Write, long Bytes, int MeshPorts = 1);
