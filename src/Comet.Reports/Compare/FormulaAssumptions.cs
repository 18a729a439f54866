using Comet.Hardware.Components;
using Comet.Workloads.Collectives;
using Comet.Workloads.Execution;

namespace Comet.Reports.Compare;

/// <summary>The mechanisms <c>comet compare</c> switches, one at a time, to the formula's assumption: the one table a new switch is added to.</summary>
public static class FormulaAssumptions
{
    /// <summary>Every switch, in the order compare.csv and the JSON list them.</summary>
    public static IReadOnlyList<FormulaAssumption> All { get; } =
    [
        new("network", "whole-tile store-and-forward (D = H)", o => o with { Network = MeshSwitching.StoreAndForward }),
        new("transfers", "memory ports, then the mesh, in series", o => o with { Transfers = TransferMode.Serial }),
        new("collectives", "root-centric: gather to one root, combine there, broadcast", o => o with { Collectives = CollectiveAlgorithmChoice.Direct }, a =>
            a.CollectivesUnlikeDirect > 0 ? null : a.Collectives == 0 ? "no collective ran" : "every collective already ran the algorithm --collectives direct runs"),
        new("instances", "lock-step instances: a parent waits for every instance and destination before its next step", o => o with { Instances = InstanceSync.Lockstep }, a =>
            a.LaneInvocations > 0 ? null : "no node ran its instances in free lanes (lock-step is the only loop it has)"),
        new("reuse", "nothing crosses an invocation boundary: every invocation fetches its tiles afresh, from its start (no kept tiles, no prefetch)", o => o with { Reuse = TileReuse.None, Prefetch = PrefetchMode.None }, a =>
            a.KeptTiles > 0 || a.PlannedPrefetches > 0 ? null : "no tile was kept or prefetched for a next invocation"),
    ];
}
