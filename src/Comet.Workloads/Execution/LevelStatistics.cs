namespace Comet.Workloads.Execution;

/// <summary>Simulated traffic of one hierarchy level.</summary>
/// <param name="Level">Level name.</param>
/// <param name="Instances">Instances that were used.</param>
/// <param name="BytesRead">Bytes read from it (all directions).</param>
/// <param name="BytesWritten">Bytes written into it.</param>
/// <param name="MaxPortBusyCycles">Busiest instance's port-held cycles (all its ports summed).</param>
public sealed record LevelStatistics(string Level, int Instances, long BytesRead, long BytesWritten, long MaxPortBusyCycles);
