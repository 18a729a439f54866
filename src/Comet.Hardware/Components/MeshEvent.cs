namespace Comet.Hardware.Components;

/// <summary>One entry of a cut-through mesh's calendar.</summary>
/// <param name="Time">Cycle it happens.</param>
/// <param name="Sequence">Insertion order (ties at one cycle are first come, first served).</param>
/// <param name="Kind">What happens.</param>
/// <param name="Index">The input buffer or output concerned (router · 4 + direction, router · 5 + output).</param>
/// <param name="Packet">The packet, for <see cref="MeshEventKind.Arrive"/>.</param>
internal readonly record struct MeshEvent(long Time, long Sequence, MeshEventKind Kind, int Index, PacketHead Packet);
