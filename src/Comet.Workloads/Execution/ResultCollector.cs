using Comet.Workloads.Inputs;

namespace Comet.Workloads.Execution;

/// <summary>Turns what a run observed into its result: per node the invocations and the cycles comparable with COMET's node cost, per level the bytes and the busiest instance's port time, and the energy.</summary>
internal static class ResultCollector
{
    /// <summary>What <paramref name="run"/> observed so far.</summary>
    public static SimulationResult Collect(RunContext run)
    {
        var machine = run.Machine;
        var energy = machine.Ledger.ByComponent();
        return new SimulationResult(run.Sim.Now, run.Sim.ProcessedEvents, Nodes(run), Levels(run), energy, energy.Values.Sum(), machine.Ledger.UnitsByKind(), run.Idle.Rows(), run.Traffic.Rows(run),
            new MechanismActivity(run.Mechanisms.LaneInvocations, run.Resident.KeptTiles, run.Prefetch.Planned, run.Mechanisms.CollectivesUnlikeDirect, run.Mechanisms.Collectives));
    }

    private static List<NodeStatistics> Nodes(RunContext run)
    {
        var mapping = run.Inputs.Mapping;
        var nodes = new List<NodeStatistics>();
        foreach (var node in mapping.Nodes)
        {
            if (!run.Tallies.TryGet(node.Index, out var t) || t.Invocations == 0)
            {
                continue;
            }

            var (kind, levels) = node switch
            {
                DataMovementTileNode dm => (dm.IsSpatial ? "spatial" : "temporal", string.Join("-", dm.Entries.Select(e => run.Machine.Level(e.TargetLevelId).Name).Distinct())),
                CollectiveOperationNode col => ("collective", col.Kind.ToString().ToUpperInvariant()),
                _ => ("other", ""),
            };
            var mean = (double)t.TotalCycles / t.Invocations;
            var perIteration = mean;
            var basis = NodeCycleBasis.Invocation;

            // COMET costs a spatial node over its temporal parent's whole loop; report it the same way, keeping the
            // per-iteration figure beside it. With siblings the parent's span holds their work too, so only the
            // parent's stages that wait for and run this node are its share.
            if (node is DataMovementTileNode { IsSpatial: true } && mapping.Parent(node) is DataMovementTileNode { IsSpatial: false } parent
                && run.Tallies.TryGet(parent.Index, out var pt) && pt.Invocations > 0)
            {
                if (MappingTree.ChildrenOf(parent).Count == 1)
                {
                    mean = (double)pt.TotalCycles / pt.Invocations;
                    basis = NodeCycleBasis.ParentInvocation;
                }
                else if (run.Tallies.TryGetStages(node.Index, out var st) && st.Invocations > 0)
                {
                    mean = (double)st.TotalCycles / pt.Invocations;
                    basis = NodeCycleBasis.ParentStages;
                }
                else
                {
                    basis = NodeCycleBasis.NotComparable;
                }
            }

            nodes.Add(new NodeStatistics(node.Index, node.Name, kind, levels, t.Invocations, mean, t.TotalCycles, t.FirstStart, t.LastEnd, t.StallCycles, perIteration, basis, t.Algorithm));
        }

        return nodes;
    }

    /// <summary>Per memory level (and engine with operand ports) that moved data: instances used, bytes read and written as its memories counted them, and the busiest instance's port-held cycles.</summary>
    private static List<LevelStatistics> Levels(RunContext run)
    {
        var memories = run.Machine.Memories.ToList();
        var levels = new List<LevelStatistics>();
        foreach (var group in memories.SelectMany(m => m.Pools).GroupBy(p => p.Owner.Name))
        {
            var name = group.Key;
            long read = 0, written = 0;
            foreach (var m in memories)
            {
                if (m.Ref.Name == name)
                {
                    read += m.BytesRead;
                    written += m.BytesWritten;
                }
            }

            var busiest = group.GroupBy(p => p.Owner.Instance).Select(g => g.Sum(p => p.BusyCycles)).DefaultIfEmpty(0).Max();
            levels.Add(new LevelStatistics(name, group.Select(p => p.Owner.Instance).Distinct().Count(), read, written, busiest));
        }

        return [.. levels.OrderBy(l => l.Level, StringComparer.Ordinal)];
    }
}
