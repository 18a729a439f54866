namespace Comet.Sim;

/// <summary>One traced activity of one component instance over [<paramref name="Start"/>, <paramref name="End"/>) cycles.</summary>
/// <param name="Start">First cycle of the activity.</param>
/// <param name="End">Cycle at which the activity ended (exclusive).</param>
/// <param name="Component">Component kind, e.g. <c>GEMM</c> or <c>DRAM</c>.</param>
/// <param name="Instance">Which instance of the component.</param>
/// <param name="Activity">What kind of activity it was.</param>
/// <param name="Operation">Operation of the workload the activity serves.</param>
/// <param name="Tensor">Tensor moved or produced.</param>
/// <param name="Tile">Tile index; negative when not applicable.</param>
/// <param name="Bytes">Bytes moved or produced.</param>
/// <param name="Detail">Stall reason or other free text.</param>
public readonly record struct TraceRecord(long Start, long End, string Component, int Instance,
    ActivityKind Activity, string Operation, string Tensor, long Tile, long Bytes, string Detail);
