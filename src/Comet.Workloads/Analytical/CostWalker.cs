using Comet.Hardware.Specs;
using Comet.Workloads.Inputs;
using Comet.Workloads.Loop;
using static Comet.Workloads.Analytical.DictionaryGetOrAdd;

namespace Comet.Workloads.Analytical;

/// <summary>
/// The steady-state walk (post-order): for each node, the windows its children give, the transfer costs of its entries,
/// their combination per memory and port, and the node's cycles (reference-model §5). Holds the per-node results the
/// energy pass and the report read.
/// </summary>
internal sealed class CostWalker
{
    private static readonly IReadOnlyDictionary<int, Dictionary<int, long>> NoPortUsage = new Dictionary<int, Dictionary<int, long>>();
    private readonly ArchitectureSpec arch;
    private readonly Mapping mapping;
    private readonly LoopNestAnalysis loops;
    private readonly bool nocEnergy;
    private readonly PortCostTables tables;
    private readonly ReuseWindows reuse = new();
    private readonly Dictionary<int, List<AccessRecord>> accesses;
    private readonly Dictionary<int, CollectiveResult> collectives = new();
    private readonly MeshExtensionNotes meshes;

    private CostWalker(ArchitectureSpec arch, Mapping mapping, LoopNestAnalysis loops, bool nocEnergy)
    {
        this.arch = arch;
        this.mapping = mapping;
        this.loops = loops;
        this.nocEnergy = nocEnergy;
        tables = new PortCostTables(mapping.Nodes.Count);
        accesses = new Dictionary<int, List<AccessRecord>>(mapping.Nodes.Count);
        meshes = new MeshExtensionNotes(arch);
    }

    /// <summary>Walks <paramref name="mapping"/> once and returns every node's cycles, port costs, access records, collective costs and the meshes priced outside the hop table.</summary>
    public static CostWalk Walk(ArchitectureSpec arch, Mapping mapping, LoopNestAnalysis loops, bool nocEnergy)
    {
        var walker = new CostWalker(arch, mapping, loops, nocEnergy);
        walker.Visit(mapping.Root);
        var (cycles, levelCost) = walker.tables.Freeze();
        return new CostWalk(
            cycles,
            levelCost,
            walker.accesses.ToDictionary(p => p.Key, p => (IReadOnlyList<AccessRecord>)p.Value.AsReadOnly()),
            walker.collectives,
            walker.meshes.Ordered());
    }

    private void Visit(MappingNode node)
    {
        switch (node)
        {
            case DataMovementTileNode tile:
                VisitTile(tile);
                break;
            case CollectiveOperationNode col:
                collectives[col.Index] = CollectiveNodeCost.Visit(arch, tables, loops.Collectives[col.Index]!, nocEnergy);
                meshes.NoteCollective(col);
                break;
        }
    }

    private void VisitTile(DataMovementTileNode node)
    {
        var loop = loops.Tiles[node.Index]!;
        if (node.IsSpatial || node.IsLeaf)
        {
            reuse.RecordIterations(node.Index, loop);
        }

        var bindings = new List<BindingKind>();
        foreach (var child in node.Children)
        {
            if (child is InterTileBindingNode b)
            {
                bindings.Add(b.Kind);
            }

            Visit(child);
        }

        if (node.IsLeaf)
        {
            VisitLeaf(node, loop);
            return;
        }

        var windows = new SortedDictionary<ChildGroup, long>();
        if (bindings.Count == 0)
        {
            var child = node.Children[^1];
            if (node.IsSpatial)
            {
                windows[ChildGroup.Of(child)] = tables.NodeCost(child.Index);
            }
            else
            {
                tables.SetNodeCost(node.Index, tables.NodeCost(child.Index));
                return;
            }
        }
        else
        {
            ChildGrouping.Build(tables, node, bindings, windows);
        }

        if (node.IsSpatial)
        {
            VisitSpatial(node, loop, windows);
        }
        else
        {
            CollectiveNodeCost.AddToTemporalParent(tables, node, loop, windows);
        }

        if (node.IsSpatial)
        {
            foreach (var (group, _) in windows)
            {
                var shared = false;
                foreach (var entry in loop.Entries)
                {
                    var level = arch.Levels[entry.ChildLevelId];
                    shared |= level.Memory?.ParentChildPortsShared ?? throw new InvalidOperationException($"{node.Name}: a spatial node's child '{level.Name}' must be a memory");
                }

                var usage = shared ? SharedPortUsage.Of(tables, group) : NoPortUsage;
                CombineGroup(node.Index, group, loop.MaxIterations, usage);
            }

            var onlySequential = bindings.All(b => b is not (BindingKind.Pipeline or BindingKind.Sharing or BindingKind.Parallel));
            if (bindings.Count == 0)
            {
                tables.SetNodeCost(node.Index, tables.GroupTotals(node.Index)![ChildGroup.Of(node.Children[^1])]);
            }
            else if (onlySequential)
            {
                if (windows.Count != 1)
                {
                    throw new InvalidOperationException($"{node.Name}: sequential bindings must form one group");
                }

                tables.SetNodeCost(node.Index, tables.GroupTotals(node.Index)![windows.Keys.First()]);
            }
            else
            {
                tables.SetNodeCost(node.Index, BindingCost.WithBindings(tables, loops, node, loop));
            }
        }
        else
        {
            if (bindings.Contains(BindingKind.Sequential))
            {
                tables.SetNodeCost(node.Index, CollectiveNodeCost.SequentialTemporalCost(tables, node));
            }
            else if (bindings.Count > 0)
            {
                tables.SetNodeCost(node.Index, BindingCost.WithBindings(tables, loops, node, loop));
            }
        }
    }

    /// <summary>Merges a group's entry costs per target and port, combines them into the node vector and keeps both; returns the group's cycles.</summary>
    private long CombineGroup(int node, ChildGroup group, long iterations, IReadOnlyDictionary<int, Dictionary<int, long>> usage)
    {
        var perTarget = NodeCombination.PerTarget(tables.Pairs(node, group), iterations, usage, PortsShared, IsCompute);
        tables.SetLevelCost(node, group, perTarget);
        var combined = NodeCombination.NodeCost(perTarget, iterations);
        tables.SetGroupCost(node, group, combined);
        var total = NodeCombination.Total(combined);
        tables.SetGroupTotal(node, group, total);
        return total;
    }

    /// <summary>Keeps an entry's cost pair in its group and, for a read-only tensor, its ramp-up for the parent's reuse.</summary>
    private void KeepTransfer(int node, ChildGroup group, LoopEntry entry, PortCost[] pair, SortedDictionary<int, Dictionary<(int, string), long>> rampUpMap)
    {
        if (!entry.ReadWrite)
        {
            GetOrAdd(rampUpMap, entry.TargetLevelId)[(entry.TensorId, entry.Tag)] = pair[entry.Port].RampUp;
        }

        GetOrAdd(tables.Pairs(node, group), (entry.TargetLevelId, entry.ChildLevelId)).Add(pair);
    }

    private bool PortsShared(int level) => arch.Levels[level].Memory?.ParentChildPortsShared ?? false;

    private bool IsCompute(int level) => arch.Levels[level].IsCompute;

    private void VisitLeaf(DataMovementTileNode node, LoopNestNode loop)
    {
        var op = (OperationNode)node.Children[0];
        var group = ChildGroup.Of(op);
        var maxIterations = loop.MaxIterations;
        long maxAccesses = 0;
        var rampUpMap = new SortedDictionary<int, Dictionary<(int, string), long>>();
        var records = GetOrAdd(accesses, node.Index);
        StepRuns? windows = null;
        long windowLatency = 0;
        for (var e = 0; e < loop.Entries.Count; e++)
        {
            var entry = loop.Entries[e];
            var child = arch.Levels[entry.ChildLevelId];
            var compute = child.Compute ?? throw new InvalidOperationException($"{node.Name}: the child '{child.Name}' of a leaf must be a compute level");
            var latency = ComputeLatency.Cycles(compute, op.TilePrimitive, op.Attributes, op.Kind);
            if (windows is null || windowLatency != latency)
            {
                windows = StepRuns.Constant(latency, maxIterations); // read-only, so entries with one latency share it
                windowLatency = latency;
            }

            var pair = TransferEvaluation.Evaluate(arch, loop, e, entry.RelativeTileStep * latency, true, windows, nocEnergy);
            meshes.NoteEntry(loop, e);
            var cost = pair[entry.Port];
            records.Add(AccessRecord.OfTransfer(entry, cost, FirstUnique(loop, e), atTarget: true));
            maxAccesses = Math.Max(maxAccesses, cost.AccessCount);
            KeepTransfer(node.Index, group, entry, pair, rampUpMap);
        }

        var first = loop.Entries[0];
        var computeLevel = arch.Levels[first.ChildLevelId];
        records.Add(new AccessRecord
        {
            LevelId = first.ChildLevelId, AccessCount = maxAccesses, IsTarget = false, IsCompute = true, Tag = first.Tag, Operation = op.Kind,
            ReadModifyWrite = first.ReadModifyWrite, TensorId = first.TensorId,
            ComputeEnergy = computeLevel.Compute!.Model == ComputeModel.SystolicArray ? ComputeLatency.SystolicArrayEnergy(op.TilePrimitive) : 0,
        });
        tables.SetNodeCost(node.Index, CombineGroup(node.Index, group, maxIterations, NoPortUsage));
        reuse.RecordRampUp(node.Index, rampUpMap);
    }

    private static long FirstUnique(LoopNestNode loop, int entry)
    {
        var moves = loop.Moves[entry];
        var u = moves.Count > 0 ? moves[0].UniqueTiles : 0;
        return u != 0 ? u : 1;
    }

    private void VisitSpatial(DataMovementTileNode node, LoopNestNode loop, SortedDictionary<ChildGroup, long> windows)
    {
        var parentBinding = MappingValidator.BindingOf(mapping, node);
        var hide = parentBinding != BindingKind.Sequential;
        var maxIterations = loop.MaxIterations;
        var records = GetOrAdd(accesses, node.Index);
        foreach (var (group, window) in windows)
        {
            var vector = reuse.Shrink(node.Index, group, StepRuns.Constant(window, maxIterations));
            var rampUpMap = new SortedDictionary<int, Dictionary<(int, string), long>>();
            if (group.IsVector)
            {
                foreach (var member in group.Members)
                {
                    var memberTile = member as DataMovementTileNode;
                    var dataMovement = memberTile is not null;
                    hide = dataMovement;
                    for (var e = 0; e < loop.Entries.Count; e++)
                    {
                        var entry = loop.Entries[e];
                        if (dataMovement)
                        {
                            hide = !entry.Dependent;
                        }

                        if (Matches(member, entry))
                        {
                            AddTransfer(node, loop, e, group, window, hide, vector, records, rampUpMap);
                        }
                    }
                }
            }
            else
            {
                var child = group.Single!;
                var childLoop = child is DataMovementTileNode ct ? loops.Tiles[ct.Index] : null;
                var dataMovement = childLoop is not null;
                hide = dataMovement;
                (int Target, int Child)? intersected = null;
                for (var e = 0; e < loop.Entries.Count; e++)
                {
                    var entry = loop.Entries[e];
                    if (dataMovement && childLoop!.Entries.Any(c => c.TargetLevelId == entry.ChildLevelId))
                    {
                        intersected = (entry.TargetLevelId, entry.ChildLevelId);
                    }
                    else if (!dataMovement && child is CollectiveOperationNode col && entry.ChildLevelId == col.TargetLevelId)
                    {
                        intersected = (entry.TargetLevelId, entry.ChildLevelId);
                    }

                    if (dataMovement && parentBinding == BindingKind.Sequential)
                    {
                        hide = !entry.Dependent;
                    }

                    if (Matches(child, entry))
                    {
                        AddTransfer(node, loop, e, group, window, hide, vector, records, rampUpMap);
                    }
                }

                reuse.RecordRampUp(node.Index, rampUpMap);
                if (tables.Pairs(node.Index, group).Count == 0 && intersected is { } key)
                {
                    var dummy = new PortCost(maxIterations);
                    dummy.Window = StepRuns.Constant(tables.NodeCost(child.Index), maxIterations);
                    dummy.ComputeTime = maxIterations * tables.NodeCost(child.Index);
                    dummy.ReuseFactor = 1;
                    GetOrAdd(tables.Pairs(node.Index, group), key).Add([dummy, dummy]);
                }

                continue;
            }

            reuse.RecordRampUp(node.Index, rampUpMap);
        }
    }

    private bool Matches(MappingNode member, LoopEntry entry) => member switch
    {
        DataMovementTileNode dm => loops.Tiles[dm.Index]!.Entries.Any(c => c.Tag == entry.Tag),
        CollectiveOperationNode col => col.Tag == entry.Tag,
        _ => false,
    };

    private void AddTransfer(DataMovementTileNode node, LoopNestNode loop, int e, ChildGroup group, long window, bool hide, StepRuns vector,
        List<AccessRecord> records, SortedDictionary<int, Dictionary<(int, string), long>> rampUpMap)
    {
        var entry = loop.Entries[e];
        var pair = TransferEvaluation.Evaluate(arch, loop, e, window, hide, vector, nocEnergy);
        meshes.NoteEntry(loop, e);
        var cost = pair[entry.Port];
        var projected = FirstUnique(loop, e);
        records.Add(AccessRecord.OfTransfer(entry, cost, projected, atTarget: true));
        records.Add(AccessRecord.OfTransfer(entry, cost, projected, atTarget: false));
        KeepTransfer(node.Index, group, entry, pair, rampUpMap);
    }
}
