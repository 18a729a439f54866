namespace Comet.Workloads.Execution;

/// <summary>How often a run's switchable mechanisms did something a run with them switched to the formula's assumption would not: when a count is zero, that switched run is the same run.</summary>
/// <param name="LaneInvocations">Temporal node invocations run in free lanes (zero: <c>--instances lockstep</c> runs every node the same way).</param>
/// <param name="KeptTiles">Tiles kept in a buffer at an invocation's end for the next one.</param>
/// <param name="PlannedPrefetches">Next-invocation prefetches planned (zero with no kept tile: <c>--reuse none --prefetch none</c> is the same run).</param>
/// <param name="CollectivesUnlikeDirect">Collective schedules whose algorithm differs from the one <c>--collectives direct</c> runs.</param>
/// <param name="Collectives">Collective schedules planned.</param>
public sealed record MechanismActivity(long LaneInvocations, long KeptTiles, long PlannedPrefetches, long CollectivesUnlikeDirect, long Collectives);
