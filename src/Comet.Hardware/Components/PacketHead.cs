namespace Comet.Hardware.Components;

/// <summary>A packet whose head has reached a router's input buffer.</summary>
/// <param name="Flow">The transfer the packet belongs to.</param>
/// <param name="Packet">Its index in the transfer.</param>
/// <param name="Node">The tree node (router) it is at.</param>
/// <param name="TailAt">Cycle its tail has fully arrived in this buffer.</param>
internal readonly record struct PacketHead(PacketFlow Flow, int Packet, int Node, long TailAt);
