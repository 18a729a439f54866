using Comet.Hardware.Specs;
using Comet.Workloads.Inputs;
using Comet.Workloads.Loop;

namespace Comet.Workloads.Analytical;

/// <summary>
/// The steady-state walk (post-order): for each node, the windows its children give, the transfer costs of its entries,
/// their combination per memory and port, and the node's cycles (reference-model §5). Holds the per-node results the
/// energy pass and the report read.
/// </summary>
internal sealed class CostWalker(ArchitectureSpec arch, Problem problem, Mapping mapping, LoopNestAnalysis loops, bool nocEnergy)
{
    private static readonly IReadOnlyDictionary<int, Dictionary<int, long>> NoPortUsage = new Dictionary<int, Dictionary<int, long>>();

    public ArchitectureSpec Arch => arch;

    public Problem Problem => problem;

    public Mapping Mapping => mapping;

    public LoopNestAnalysis Loops => loops;

    /// <summary>Cycles of each node (the "Cycle Hierarchy Overview").</summary>
    public long[] NodeCost { get; } = new long[mapping.Nodes.Count];

    /// <summary>Per node, per child group, per target level: the merged port costs (what the report reads).</summary>
    public Dictionary<int, SortedDictionary<ChildGroup, SortedDictionary<int, PortCost[]>>> NodeLevelCost { get; } = new(mapping.Nodes.Count);

    /// <summary>Per node, per child group: entry costs by (target, child).</summary>
    public Dictionary<int, SortedDictionary<ChildGroup, SortedDictionary<(int Target, int Child), List<PortCost[]>>>> PairCost { get; } = new(mapping.Nodes.Count);

    /// <summary>Per node, per child group: the combined node cost vector.</summary>
    public Dictionary<int, SortedDictionary<ChildGroup, PortCost>> GroupCost { get; } = new(mapping.Nodes.Count);

    /// <summary>Per node, per child group: total cycles.</summary>
    public Dictionary<int, SortedDictionary<ChildGroup, long>> GroupTotal { get; } = new(mapping.Nodes.Count);

    /// <summary>Access records per node, in the order they were made.</summary>
    public Dictionary<int, List<AccessRecord>> Accesses { get; } = new(mapping.Nodes.Count);

    /// <summary>Memory energy per node and level (filled by the energy pass and collectives).</summary>
    public Dictionary<int, SortedDictionary<int, double>> NodeEnergy { get; } = new(mapping.Nodes.Count);

    /// <summary>NoC energy per node and key ("X&lt;-&gt;X").</summary>
    public Dictionary<int, SortedDictionary<string, double>> NodeNocEnergy { get; } = new(mapping.Nodes.Count);

    /// <summary>Parent iteration counts (PI) per node.</summary>
    public Dictionary<int, long> ParentIterations { get; } = new(mapping.Nodes.Count);

    /// <summary>Meshes priced outside COMET's hop table, by network and shape (the tool aborts on each).</summary>
    public Dictionary<(string Network, long X, long Y), MeshExtension> MeshExtensions { get; } = new();

    private readonly Dictionary<int, SortedDictionary<ChildGroup, long>> memoryWindows = new(mapping.Nodes.Count);
    private readonly Dictionary<int, Dictionary<(int, string), long>> reuse = new();
    private readonly Dictionary<int, Dictionary<(int, string), long>> actual = new();
    private readonly Dictionary<int, Dictionary<(int, string), long>> rampUp = new();

    public void Walk() => Visit(mapping.Root);

    private static TValue GetOrAdd<TKey, TValue>(IDictionary<TKey, TValue> map, TKey key)
        where TValue : new()
    {
        if (!map.TryGetValue(key, out var value))
        {
            value = new TValue();
            map[key] = value;
        }

        return value;
    }

    private SortedDictionary<(int Target, int Child), List<PortCost[]>> Pairs(int node, ChildGroup group)
        => GetOrAdd(GetOrAdd(PairCost, node), group);

    private void Visit(MappingNode node)
    {
        switch (node)
        {
            case DataMovementTileNode tile:
                VisitTile(tile);
                break;
            case CollectiveOperationNode col:
                VisitCollective(col);
                break;
        }
    }

    private void VisitCollective(CollectiveOperationNode col)
    {
        var result = CollectiveCost.Evaluate(arch, loops.Collectives[col.Index]!, nocEnergy);
        if (arch.Levels[col.TargetLevelId].LinkNetwork is { } link)
        {
            var sources = col.SourceLevelIds.Aggregate(1L, (n, s) => n * arch.Levels[s].Instances);
            NoteMesh(col.TargetLevelId, col.TargetLevelId, link, sources);
        }
        var cycles = result.Cycles;
        var pair = PortCost.EmptyPair();
        foreach (var p in pair)
        {
            p.Cumulative = cycles;
            p.CumulativeStall = cycles;
            p.ReuseFactor = 1;
        }

        var self = ChildGroup.Of(col);
        Pairs(col.Index, self)[(col.TargetLevelId, col.ChildLevelId)] = [pair];
        GetOrAdd(GetOrAdd(NodeLevelCost, col.Index), self)[col.TargetLevelId] = pair;
        NodeCost[col.Index] = cycles;
        NodeEnergy[col.Index] = new SortedDictionary<int, double> { [col.TargetLevelId] = result.ReadEnergyPj + result.WriteEnergyPj };
        var name = arch.Levels[col.TargetLevelId].Name;
        NodeNocEnergy[col.Index] = new SortedDictionary<string, double>(StringComparer.Ordinal) { [$"{name}<->{name}"] = result.NocEnergyPj };
    }

    private void VisitTile(DataMovementTileNode node)
    {
        var loop = loops.Tiles[node.Index]!;
        if (node.IsSpatial || node.IsLeaf)
        {
            var r = GetOrAdd(reuse, node.Index);
            var a = GetOrAdd(actual, node.Index);
            for (var e = 0; e < loop.Entries.Count; e++)
            {
                var entry = loop.Entries[e];
                var act = loop.ActualIterations(e);
                var factor = act == 0 ? 1 : entry.Iterations / act;
                r[(entry.TensorId, entry.Tag)] = factor == 0 ? 1 : factor;
                a[(entry.TensorId, entry.Tag)] = act;
            }
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

        var windows = GetOrAdd(memoryWindows, node.Index);
        if (bindings.Count == 0)
        {
            var child = node.Children[^1];
            if (node.IsSpatial)
            {
                windows[ChildGroup.Of(child)] = NodeCost[child.Index];
            }
            else
            {
                NodeCost[node.Index] = NodeCost[child.Index];
                return;
            }
        }
        else
        {
            BuildGroups(node, bindings, windows);
        }

        if (node.IsSpatial)
        {
            VisitSpatial(node, loop, windows);
        }
        else
        {
            AddTemporalCollectives(node, loop, windows);
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

                var usage = shared ? PortUsage(group) : NoPortUsage;
                var perTarget = NodeCombination.PerTarget(Pairs(node.Index, group), loop.MaxIterations, usage, PortsShared, IsCompute);
                GetOrAdd(NodeLevelCost, node.Index)[group] = perTarget;
                var combined = NodeCombination.NodeCost(perTarget, loop.MaxIterations);
                GetOrAdd(GroupCost, node.Index)[group] = combined;
                GetOrAdd(GroupTotal, node.Index)[group] = NodeCombination.Total(combined);
            }

            var onlySequential = bindings.All(b => b is not (BindingKind.Pipeline or BindingKind.Sharing or BindingKind.Parallel));
            if (bindings.Count == 0)
            {
                NodeCost[node.Index] = GroupTotal[node.Index][ChildGroup.Of(node.Children[^1])];
            }
            else if (onlySequential)
            {
                if (windows.Count != 1)
                {
                    throw new InvalidOperationException($"{node.Name}: sequential bindings must form one group");
                }

                NodeCost[node.Index] = GroupTotal[node.Index][windows.Keys.First()];
            }
            else
            {
                NodeCost[node.Index] = BindingCost.WithBindings(this, node, loop);
            }
        }
        else
        {
            if (bindings.Contains(BindingKind.Sequential))
            {
                NodeCost[node.Index] = SequentialTemporalCost(node);
            }
            else if (bindings.Count > 0)
            {
                NodeCost[node.Index] = BindingCost.WithBindings(this, node, loop);
            }
        }
    }

    /// <summary>Records the meshes the moves of entry <paramref name="e"/> occupy outside the tool's hop table (the network time of a move with fan-out).</summary>
    private void NoteMeshes(LoopNestNode loop, int e)
    {
        var entry = loop.Entries[e];
        var moves = loop.Moves[e];
        if (moves.MovingSteps > 0 && moves.UniqueWhenMoving > 0 && arch.NetworkBetween(entry.TargetLevelId, entry.ChildLevelId) is { } network)
        {
            NoteMesh(entry.TargetLevelId, entry.ChildLevelId, network, moves.FanOut);
        }
    }

    /// <summary>Records the mesh a transfer with <paramref name="fanOut"/> participants occupies when the tool's hop table lacks it.</summary>
    private void NoteMesh(int target, int child, NetworkSpec network, long fanOut)
    {
        if (network.Kind != NetworkKind.Mesh || fanOut <= 1)
        {
            return;
        }

        var (x, y) = MeshHops.ActiveMesh(network.HasMesh, network.MeshX, network.MeshY, fanOut);
        if (MeshHops.IsTabulated(x, y))
        {
            return;
        }

        // named as the energy rows name networks: a level's link mesh X<->X, a fill or drain network parent->child
        var name = target == child ? $"{arch.Levels[target].Name}<->{arch.Levels[child].Name}" : $"{arch.Levels[target].Name}->{arch.Levels[child].Name}";
        MeshExtensions.TryAdd((name, x, y), new MeshExtension(name, x, y, MeshHops.ForMesh(x, y).Hops));
    }

    private bool PortsShared(int level) => arch.Levels[level].Memory?.ParentChildPortsShared ?? false;

    private bool IsCompute(int level) => arch.Levels[level].IsCompute;

    /// <summary>Groups children: runs joined by sequential bindings form one vector group; children after pipeline bindings are single groups.</summary>
    private void BuildGroups(DataMovementTileNode node, List<BindingKind> bindings, SortedDictionary<ChildGroup, long> windows)
    {
        var children = node.Children;
        var run = new List<MappingNode>();
        var visited = new HashSet<int>();
        for (var i = 0; i < children.Count; i++)
        {
            if (children[i] is not InterTileBindingNode || i % 2 != 0 || i / 2 >= bindings.Count)
            {
                continue;
            }

            if (bindings[i / 2] == BindingKind.Sequential)
            {
                foreach (var next in NextTwo(children, i))
                {
                    if (!run.Contains(next))
                    {
                        run.Add(next);
                    }

                    visited.Add(next.Index);
                }
            }
            else if (run.Count > 0)
            {
                windows[ChildGroup.OfVector(run)] = SumCosts(run);
                run = new List<MappingNode>();
            }
        }

        if (run.Count > 0)
        {
            windows[ChildGroup.OfVector(run)] = SumCosts(run);
        }

        for (var i = 0; i < children.Count; i++)
        {
            if (children[i] is InterTileBindingNode && i % 2 == 0 && i / 2 < bindings.Count && bindings[i / 2] == BindingKind.Pipeline)
            {
                foreach (var next in NextTwo(children, i))
                {
                    if (!visited.Contains(next.Index))
                    {
                        windows[ChildGroup.Of(next)] = NodeCost[next.Index];
                    }

                    visited.Add(next.Index);
                }
            }
        }
    }

    /// <summary>The window of a sequential group: the members' costs summed as the tool's int accumulator does.</summary>
    private long SumCosts(List<MappingNode> run)
    {
        long total = 0;
        foreach (var n in run)
        {
            total += NodeCost[n.Index];
        }

        return (uint)total;
    }

    private static List<MappingNode> NextTwo(IReadOnlyList<MappingNode> children, int from)
    {
        var result = new List<MappingNode>();
        for (var i = from; i < children.Count && result.Count < 2; i++)
        {
            if (children[i] is DataMovementTileNode or CollectiveOperationNode)
            {
                result.Add(children[i]);
            }
        }

        return result;
    }

    private void VisitLeaf(DataMovementTileNode node, LoopNestNode loop)
    {
        var op = (OperationNode)node.Children[0];
        var group = ChildGroup.Of(op);
        var maxIterations = loop.MaxIterations;
        long maxAccesses = 0;
        var rampUpMap = new SortedDictionary<int, Dictionary<(int, string), long>>();
        var records = GetOrAdd(Accesses, node.Index);
        long[]? windows = null;
        for (var e = 0; e < loop.Entries.Count; e++)
        {
            var entry = loop.Entries[e];
            var child = arch.Levels[entry.ChildLevelId];
            var compute = child.Compute ?? throw new InvalidOperationException($"{node.Name}: the child '{child.Name}' of a leaf must be a compute level");
            var latency = ComputeLatency.Cycles(compute, op.TilePrimitive, op.Attributes, op.Kind);
            if (windows is null || windows.Length == 0 || windows[0] != latency)
            {
                windows = new long[maxIterations]; // read-only for the evaluation, so entries with one latency share it
                Array.Fill(windows, latency);
            }

            var pair = TransferEvaluation.Evaluate(arch, loop, e, entry.RelativeTileStep * latency, true, windows, nocEnergy);
            NoteMeshes(loop, e);
            var cost = pair[entry.Port];
            records.Add(new AccessRecord
            {
                LevelId = entry.TargetLevelId, AccessCount = cost.AccessCount, TileSize = cost.TileSize, PrecisionBits = entry.PrecisionBits,
                ReadWrite = entry.ReadWrite, IsTarget = true, TensorId = entry.TensorId, Tag = entry.Tag, ReadModifyWrite = entry.ReadModifyWrite,
                ProjectedSpatialCount = FirstUnique(loop, e),
            });
            maxAccesses = Math.Max(maxAccesses, cost.AccessCount);
            if (!entry.ReadWrite)
            {
                GetOrAdd(rampUpMap, entry.TargetLevelId)[(entry.TensorId, entry.Tag)] = cost.RampUp;
            }

            GetOrAdd(Pairs(node.Index, group), (entry.TargetLevelId, entry.ChildLevelId)).Add(pair);
        }

        var first = loop.Entries[0];
        var computeLevel = arch.Levels[first.ChildLevelId];
        records.Add(new AccessRecord
        {
            LevelId = first.ChildLevelId, AccessCount = maxAccesses, IsTarget = false, IsCompute = true, Tag = first.Tag, Operation = op.Kind,
            ReadModifyWrite = first.ReadModifyWrite, TensorId = first.TensorId,
            ComputeEnergy = computeLevel.Compute!.Model == ComputeModel.SystolicArray ? ComputeLatency.SystolicArrayEnergy(op.TilePrimitive) : 0,
        });
        var perTarget = NodeCombination.PerTarget(Pairs(node.Index, group), maxIterations, NoPortUsage, PortsShared, IsCompute);
        GetOrAdd(NodeLevelCost, node.Index)[group] = perTarget;
        var combined = NodeCombination.NodeCost(perTarget, maxIterations);
        GetOrAdd(GroupCost, node.Index)[group] = combined;
        var total = NodeCombination.Total(combined);
        GetOrAdd(GroupTotal, node.Index)[group] = total;
        NodeCost[node.Index] = total;
        RecordRampUp(node.Index, rampUpMap);
    }

    private static long FirstUnique(LoopNestNode loop, int entry)
    {
        var moves = loop.Moves[entry];
        var u = moves.Count > 0 ? moves[0].UniqueTiles : 0;
        return u != 0 ? u : 1;
    }

    /// <summary>Keeps the read-only ramp-ups of the target level with the largest summed ramp-up (used to shrink the parent's windows under reuse).</summary>
    private void RecordRampUp(int node, SortedDictionary<int, Dictionary<(int, string), long>> rampUpMap)
    {
        if (rampUpMap.Count == 0)
        {
            return;
        }

        var sums = rampUpMap.ToDictionary(p => p.Key, p => p.Value.Values.Sum(v => (long)(uint)v) & 0xFFFFFFFF);
        var max = sums.Values.Max();
        var info = GetOrAdd(rampUp, node);
        foreach (var (level, sum) in sums)
        {
            if (sum == max)
            {
                foreach (var (key, value) in rampUpMap[level])
                {
                    info[key] = value;
                }
            }
        }
    }

    private void VisitSpatial(DataMovementTileNode node, LoopNestNode loop, SortedDictionary<ChildGroup, long> windows)
    {
        var parentBinding = MappingValidator.BindingOf(mapping, node);
        var hide = parentBinding != BindingKind.Sequential;
        var maxIterations = loop.MaxIterations;
        var records = GetOrAdd(Accesses, node.Index);
        foreach (var (group, window) in windows)
        {
            var vector = new long[maxIterations];
            Array.Fill(vector, window);
            ShrinkWindows(node.Index, group, vector);
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

                RecordRampUp(node.Index, rampUpMap);
                if (Pairs(node.Index, group).Count == 0 && intersected is { } key)
                {
                    var dummy = new PortCost(maxIterations);
                    Array.Fill(dummy.Window, NodeCost[child.Index]);
                    dummy.ComputeTime = maxIterations * NodeCost[child.Index];
                    dummy.ReuseFactor = 1;
                    GetOrAdd(Pairs(node.Index, group), key).Add([dummy, dummy]);
                }

                continue;
            }

            RecordRampUp(node.Index, rampUpMap);
        }
    }

    private bool Matches(MappingNode member, LoopEntry entry) => member switch
    {
        DataMovementTileNode dm => loops.Tiles[dm.Index]!.Entries.Any(c => c.Tag == entry.Tag),
        CollectiveOperationNode col => col.Tag == entry.Tag,
        _ => false,
    };

    private void AddTransfer(DataMovementTileNode node, LoopNestNode loop, int e, ChildGroup group, long window, bool hide, long[] vector,
        List<AccessRecord> records, SortedDictionary<int, Dictionary<(int, string), long>> rampUpMap)
    {
        var entry = loop.Entries[e];
        var pair = TransferEvaluation.Evaluate(arch, loop, e, window, hide, vector, nocEnergy);
        NoteMeshes(loop, e);
        var cost = pair[entry.Port];
        var projected = FirstUnique(loop, e);
        records.Add(new AccessRecord
        {
            LevelId = entry.TargetLevelId, AccessCount = cost.AccessCount, TileSize = cost.TileSize, PrecisionBits = entry.PrecisionBits,
            ReadWrite = entry.ReadWrite, IsTarget = true, TensorId = entry.TensorId, Tag = entry.Tag, ReadModifyWrite = entry.ReadModifyWrite,
            ProjectedSpatialCount = projected,
        });
        records.Add(new AccessRecord
        {
            LevelId = entry.ChildLevelId, AccessCount = cost.AccessCount, TileSize = cost.TileSize, PrecisionBits = entry.PrecisionBits,
            ReadWrite = entry.ReadWrite, IsTarget = false, TensorId = entry.TensorId, Tag = entry.Tag, ReadModifyWrite = entry.ReadModifyWrite,
            ProjectedSpatialCount = projected, NocEnergy = cost.NocEnergy,
        });
        if (!entry.ReadWrite)
        {
            GetOrAdd(rampUpMap, entry.TargetLevelId)[(entry.TensorId, entry.Tag)] = cost.RampUp;
        }

        GetOrAdd(Pairs(node.Index, group), (entry.TargetLevelId, entry.ChildLevelId)).Add(pair);
    }

    /// <summary>Collective children of a temporal node: their cost repeats every iteration, on both ports.</summary>
    private void AddTemporalCollectives(DataMovementTileNode node, LoopNestNode loop, SortedDictionary<ChildGroup, long> windows)
    {
        foreach (var (group, _) in windows)
        {
            foreach (var member in group.Members)
            {
                if (member is not CollectiveOperationNode col)
                {
                    continue;
                }

                var iterations = loop.MaxIterations;
                var cost = new PortCost(iterations);
                Array.Fill(cost.Window, NodeCost[col.Index]);
                cost.ComputeTime = iterations * NodeCost[col.Index];
                cost.Cumulative = iterations * NodeCost[col.Index];
                PortCost[] pair = [cost, cost];
                var self = ChildGroup.Of(col);
                GetOrAdd(Pairs(node.Index, self), (col.TargetLevelId, col.ChildLevelId)).Add(pair);
                GetOrAdd(GetOrAdd(NodeLevelCost, node.Index), self)[col.TargetLevelId] = pair;
                if (!group.IsVector)
                {
                    GetOrAdd(GroupTotal, node.Index)[self] = cost.ComputeTime;
                }
            }
        }
    }

    /// <summary>A temporal node with sequential bindings costs the sum of its children (a collective counts once per iteration).</summary>
    private long SequentialTemporalCost(DataMovementTileNode node)
    {
        long total = 0;
        foreach (var child in node.Children)
        {
            switch (child)
            {
                case CollectiveOperationNode col:
                    if (NodeLevelCost.TryGetValue(node.Index, out var byGroup) && byGroup.TryGetValue(ChildGroup.Of(col), out var levels) && levels.TryGetValue(col.TargetLevelId, out var pair))
                    {
                        total += pair[0].ComputeTime;
                    }

                    break;
                case DataMovementTileNode:
                    total += NodeCost[child.Index];
                    break;
            }
        }

        return (uint)total;
    }

    /// <summary>
    /// Shrinks a window vector under reuse: for each reused key of the node whose tensor a descendant moves only once,
    /// the descendant's ramp-up is removed from the steps that do not fetch (i % r ≠ 0). Windows are unsigned 32-bit.
    /// </summary>
    private void ShrinkWindows(int node, ChildGroup group, long[] windows)
    {
        if (group.IsVector)
        {
            ShrinkFromMembers(node, group.Members, windows);
            return;
        }

        var child = group.Single!;
        if (child is DataMovementTileNode { IsLeaf: true })
        {
            ShrinkFromMembers(node, [child], windows);
            return;
        }

        foreach (var grandChild in child.Children)
        {
            foreach (var (key, factor) in Reuse(node))
            {
                if (factor != 1 && Reuse(grandChild.Index).ContainsKey(key) && Actual(grandChild.Index, key) == 1)
                {
                    var ramp = RampUpOf(grandChild.Index, key);
                    for (var i = 0; i < windows.Length; i++)
                    {
                        if (i % factor != 0)
                        {
                            windows[i] = (windows[i] - ramp) & 0xFFFFFFFF;
                        }
                    }

                    ShrinkFromMembers(node, grandChild.Children, windows);
                }
            }
        }
    }

    private void ShrinkFromMembers(int node, IReadOnlyList<MappingNode> members, long[] windows)
    {
        foreach (var member in members)
        {
            foreach (var (key, factor) in Reuse(node))
            {
                if (factor != 1 && Reuse(member.Index).ContainsKey(key) && Actual(member.Index, key) == 1)
                {
                    var ramp = RampUpOf(member.Index, key);
                    for (var i = 0; i < windows.Length; i++)
                    {
                        if (i % factor != 0)
                        {
                            windows[i] = (windows[i] - ramp) & 0xFFFFFFFF;
                        }
                    }
                }
            }
        }
    }

    private IReadOnlyDictionary<(int, string), long> Reuse(int node)
        => reuse.TryGetValue(node, out var map) ? map : EmptyKeys;

    private static readonly Dictionary<(int, string), long> EmptyKeys = new();

    private long Actual(int node, (int, string) key) => actual.TryGetValue(node, out var map) && map.TryGetValue(key, out var v) ? v : 0;

    private long RampUpOf(int node, (int, string) key) => rampUp.TryGetValue(node, out var map) && map.TryGetValue(key, out var v) ? v : 0;

    /// <summary>Cycles each child memory's opposite port spends on its own children (for shared parent/child ports).</summary>
    private Dictionary<int, Dictionary<int, long>> PortUsage(ChildGroup group)
    {
        var usage = new Dictionary<int, Dictionary<int, long>>();
        void Add(SortedDictionary<int, PortCost[]> levels)
        {
            foreach (var (level, pair) in levels)
            {
                var ports = GetOrAdd(usage, level);
                for (var p = 0; p < 2; p++)
                {
                    ports.TryGetValue(1 - p, out var v);
                    ports[1 - p] = v + pair[p].Cumulative + (p == 0 ? pair[p].RampUp : pair[p].RampDown);
                }
            }
        }

        void AddNode(MappingNode n)
        {
            if (!NodeLevelCost.TryGetValue(n.Index, out var groups))
            {
                return;
            }

            if (n is CollectiveOperationNode)
            {
                if (groups.TryGetValue(ChildGroup.Of(n), out var own))
                {
                    Add(own);
                }

                return;
            }

            foreach (var (_, levels) in groups)
            {
                Add(levels);
            }
        }

        if (group.IsVector)
        {
            foreach (var member in group.Members)
            {
                AddNode(member);
            }

            return usage;
        }

        var child = group.Single!;
        if (child is CollectiveOperationNode || child is DataMovementTileNode { IsLeaf: true })
        {
            AddNode(child);
            return usage;
        }

        foreach (var grandChild in child.Children)
        {
            if (grandChild is DataMovementTileNode or CollectiveOperationNode)
            {
                AddNode(grandChild);
            }
        }

        return usage;
    }
}
