namespace Comet.Workloads.Execution;

/// <summary>Simulated figures of one mapping node.</summary>
/// <param name="Index">Node index (pre-order).</param>
/// <param name="Name">Node name (<c>DataMovementTileNode::5</c>).</param>
/// <param name="Kind">temporal, spatial, collective.</param>
/// <param name="Levels">Levels the node moves between (<c>IBuffer-WBuffer-OBuffer</c>) or its collective type.</param>
/// <param name="Invocations">Times the node ran (over all instances).</param>
/// <param name="MeanCycles">Cycles compared with COMET's node cost, measured as <paramref name="Basis"/> says (a spatial node under a temporal one: its share of one parent invocation, as COMET costs it).</param>
/// <param name="TotalCycles">Sum of durations over invocations, cycles.</param>
/// <param name="FirstStart">Earliest start, cycles.</param>
/// <param name="LastEnd">Latest end, cycles.</param>
/// <param name="StallCycles">Cycles participants waited for it (collectives).</param>
/// <param name="MeanCyclesPerInvocation">Mean duration of one invocation of the node itself (for a spatial node: one iteration of its parent).</param>
/// <param name="Basis">Which span <paramref name="MeanCycles"/> measures.</param>
/// <param name="Algorithm">The collective algorithm that ran (collectives only, else null).</param>
public sealed record NodeStatistics(int Index, string Name, string Kind, string Levels, long Invocations, double MeanCycles, long TotalCycles, long FirstStart, long LastEnd, long StallCycles, double MeanCyclesPerInvocation, NodeCycleBasis Basis = NodeCycleBasis.Invocation, string? Algorithm = null);
