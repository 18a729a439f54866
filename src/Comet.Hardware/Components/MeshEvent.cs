namespace Comet.Hardware.Components;

/// <summary>One entry of a cut-through mesh's calendar.</summary>
/// <remarks>
/// It holds no reference (an arriving packet waits in its input buffer, a transfer is named by its flow's number), so
/// the calendar moves 24 plain bytes per entry and the garbage collector never scans or barriers its slots.
/// </remarks>
/// <param name="Time">Cycle it happens.</param>
/// <param name="Sequence">Insertion order (ties at one cycle are first come, first served).</param>
/// <param name="Kind">What happens.</param>
/// <param name="Index">The input buffer (router · 4 + direction) for <see cref="MeshEventKind.Arrive"/> and <see cref="MeshEventKind.InputFree"/>, the output (router · 5 + output) for <see cref="MeshEventKind.OutputFree"/>, the flow's <see cref="PacketFlow.Id"/> for <see cref="MeshEventKind.Inject"/> and <see cref="MeshEventKind.Complete"/>.</param>
internal readonly record struct MeshEvent(long Time, long Sequence, MeshEventKind Kind, int Index);
