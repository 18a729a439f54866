using Comet.Hardware.Components;
using Comet.Sim;
using Comet.Workloads.Collectives;
using Comet.Workloads.Inputs;

namespace Comet.Workloads.Execution;

/// <summary>Runs a mapping tree as processes on simulated hardware: movers fill and drain tiles, engines compute, collectives cross the mesh.</summary>
/// <remarks>Every cycle comes from a mechanism (a port, link or engine held, or a wait for space, data or peers); nothing is taken from the analytical model.</remarks>
public sealed partial class DataflowExecutor
{
    private readonly CometInputSet _inputs;
    private readonly Simulation _sim;
    private readonly ExecutionOptions _options;
    private readonly TileAnalysis _tiles;
    private readonly PlanBuilder _plans;
    private readonly Dictionary<int, NodeTally> _tallies = [];

    // Per child of a temporal node: each stage of the parent's loop that waits for the child's tiles and runs it.
    private readonly Dictionary<int, NodeTally> _stageTallies = [];
    private readonly Dictionary<(int Node, int Instance), int> _occurrences = [];
    private readonly Dictionary<(int Node, int GroupBase, int Occurrence), CollectiveRendezvous> _rendezvous = [];
    private readonly int _rootLevel;

    /// <summary>Builds the machine for <paramref name="inputs"/> inside <paramref name="sim"/>.</summary>
    public DataflowExecutor(CometInputSet inputs, Simulation sim, ExecutionOptions? options = null)
    {
        SimulationLimits.Check(inputs.Architecture);
        _inputs = inputs;
        _sim = sim;
        _options = options ?? ExecutionOptions.Default;
        Machine = new Machine(sim, inputs.Architecture, _options.NocEnergy, _options.Network);
        _tiles = new TileAnalysis(inputs.Problem, inputs.Mapping);
        _plans = new PlanBuilder(inputs, _tiles, Machine);
        _rootLevel = inputs.Mapping.Root.Entries[0].TargetLevelId;

        // Without concurrent bindings no two leaves ever run on one engine at once, so a leaf may keep its engine for
        // the whole invocation instead of asking for it every tile step (the same cycles, fewer events).
        _enginesExclusive = !inputs.Mapping.Nodes.OfType<InterTileBindingNode>().Any(b => b.Kind is BindingKind.Pipeline or BindingKind.Parallel or BindingKind.Sharing);
    }

    private readonly bool _enginesExclusive;

    /// <summary>The simulated hardware.</summary>
    public Machine Machine { get; }

    /// <summary>The tile analysis the executor moves data by.</summary>
    public TileAnalysis Tiles => _tiles;

    /// <summary>Runs the whole mapping once and returns what was observed.</summary>
    /// <exception cref="SimulationDeadlockException">The mapping cannot make progress.</exception>
    public SimulationResult Run()
    {
        Start();
        try
        {
            _sim.Run();
        }
        catch (DeadlockException e)
        {
            throw Deadlock(e);
        }

        return Collect();
    }

    /// <summary>Schedules the mapping's root process; step or run the simulation afterwards, then call <see cref="Collect"/>.</summary>
    public void Start()
    {
        var binding = new LevelBinding(_inputs.Architecture.Levels.Count, _rootLevel);
        _sim.Process(RunNode(_inputs.Mapping.Root, binding), "mapping");
    }

    /// <summary>What was observed so far (the whole run once the simulation has no events left).</summary>
    public SimulationResult Collect() => BuildResult();

    /// <summary>Turns the kernel's deadlock report into one naming the mapping's components and what each waits for.</summary>
    public static SimulationDeadlockException Deadlock(DeadlockException e) => new(e.Cycle, e.Waiting, e);

    private SimulationResult BuildResult()
    {
        var nodes = new List<NodeStatistics>();
        foreach (var node in _inputs.Mapping.Nodes)
        {
            if (!_tallies.TryGetValue(node.Index, out var t) || t.Invocations == 0)
            {
                continue;
            }

            var (kind, levels) = node switch
            {
                DataMovementTileNode dm => (dm.IsSpatial ? "spatial" : "temporal", string.Join("-", dm.Entries.Select(e => Machine.Level(e.TargetLevelId).Name).Distinct())),
                CollectiveOperationNode col => ("collective", col.Kind.ToString().ToUpperInvariant()),
                _ => ("other", ""),
            };
            var mean = (double)t.TotalCycles / t.Invocations;
            var perIteration = mean;
            var basis = NodeCycleBasis.Invocation;

            // COMET costs a spatial node over its temporal parent's whole loop; report it the same way, keeping the
            // per-iteration figure beside it. With siblings the parent's span holds their work too, so only the
            // parent's stages that wait for and run this node are its share.
            if (node is DataMovementTileNode { IsSpatial: true } && _inputs.Mapping.Parent(node) is DataMovementTileNode { IsSpatial: false } parent
                && _tallies.TryGetValue(parent.Index, out var pt) && pt.Invocations > 0)
            {
                if (ChildrenOf(parent).Count == 1)
                {
                    mean = (double)pt.TotalCycles / pt.Invocations;
                    basis = NodeCycleBasis.ParentInvocation;
                }
                else if (_stageTallies.TryGetValue(node.Index, out var st) && st.Invocations > 0)
                {
                    mean = (double)st.TotalCycles / pt.Invocations;
                    basis = NodeCycleBasis.ParentStages;
                }
                else
                {
                    basis = NodeCycleBasis.NotComparable;
                }
            }

            nodes.Add(new NodeStatistics(node.Index, node.Name, kind, levels, t.Invocations, mean, t.TotalCycles, t.FirstStart, t.LastEnd, t.StallCycles, perIteration, basis));
        }

        var levelsStats = new List<LevelStatistics>();
        var units = Machine.Ledger.UnitsByKind();
        foreach (var group in Machine.PortPools.GroupBy(p => p.Owner.Name))
        {
            var name = group.Key;
            long read = 0, written = 0;
            foreach (var (key, value) in units)
            {
                if (key.StartsWith(name + "/", StringComparison.Ordinal))
                {
                    if (key.EndsWith("read", StringComparison.Ordinal))
                    {
                        read += value;
                    }
                    else if (key.EndsWith("write", StringComparison.Ordinal))
                    {
                        written += value;
                    }
                }
            }

            var busiest = group.GroupBy(p => p.Owner.Instance).Select(g => g.Sum(p => p.BusyCycles)).DefaultIfEmpty(0).Max();
            levelsStats.Add(new LevelStatistics(name, group.Select(p => p.Owner.Instance).Distinct().Count(), read, written, busiest));
        }

        var energy = Machine.Ledger.ByComponent();
        return new SimulationResult(_sim.Now, _sim.ProcessedEvents, nodes, levelsStats.OrderBy(l => l.Level, StringComparer.Ordinal).ToList(), energy, energy.Values.Sum(), units);
    }

    private NodeTally StageTally(MappingNode node)
    {
        if (!_stageTallies.TryGetValue(node.Index, out var t))
        {
            t = new NodeTally();
            _stageTallies[node.Index] = t;
        }

        return t;
    }

    private NodeTally Tally(MappingNode node)
    {
        if (!_tallies.TryGetValue(node.Index, out var t))
        {
            t = new NodeTally();
            _tallies[node.Index] = t;
        }

        return t;
    }

    private int Resolve(LevelBinding b, int level, int depth = 0)
    {
        var bound = b.Bound(level);
        if (bound >= 0)
        {
            return bound;
        }

        if (depth > 32)
        {
            return 0;
        }

        // The first parent decides (indexed, so no enumerator is boxed on this hot path).
        var spec = Machine.Level(level);
        return spec.ParentIds.Count == 0 ? 0 : Resolve(b, spec.ParentIds[0], depth + 1) * (int)Math.Max(1, spec.Instances);
    }

    private IEnumerable<Event> RunNode(MappingNode node, LevelBinding b) => node switch
    {
        DataMovementTileNode { IsSpatial: true } s => RunSpatial(s, b),
        DataMovementTileNode t => RunTemporal(t, b),
        CollectiveOperationNode c => RunCollective(c, b),
        _ => [],
    };

    private IEnumerable<Event> RunWaves(IReadOnlyList<(BindingKind Binding, MappingNode Node)> children, Func<int, IEnumerable<Event>> body)
    {
        var wave = new List<int>();
        for (var c = 0; c <= children.Count; c++)
        {
            var concurrent = c < children.Count && wave.Count > 0 && children[c].Binding is BindingKind.Pipeline or BindingKind.Parallel or BindingKind.Sharing;
            if (c < children.Count && (wave.Count == 0 || concurrent))
            {
                wave.Add(c);
                continue;
            }

            if (wave.Count == 1)
            {
                foreach (var e in body(wave[0]))
                {
                    yield return e;
                }
            }
            else if (wave.Count > 1)
            {
                var procs = wave.Select(w => (Event)_sim.Process(body(w), children[w].Node.Name)).ToArray();
                yield return _sim.AllOf(procs);
            }

            wave.Clear();
            if (c < children.Count)
            {
                wave.Add(c);
            }
        }
    }

    private IEnumerable<Event> RunSpatial(DataMovementTileNode node, LevelBinding b)
    {
        var start = _sim.Now;
        var parent = _inputs.Mapping.Parent(node) as DataMovementTileNode;
        var fanOut = 1;
        foreach (var e in node.Entries)
        {
            fanOut = Math.Max(fanOut, (int)e.FactorProduct);
        }

        // A fan-out wider than the physical instance array folds logical instance j onto physical j mod P (P = the
        // smallest instance count among the child levels): each physical instance serves its logical instances in
        // turn, one after the other, while different physical instances run concurrently.
        var childLevels = ChildLevelsOf(node);
        var physical = fanOut;
        foreach (var (level, _) in childLevels)
        {
            physical = Math.Min(physical, (int)Math.Max(1, Machine.Level(level).Instances));
        }

        var turns = new List<IEnumerable<Event>>[physical];
        for (var j = 0; j < fanOut; j++)
        {
            // The peers fanned out with in this turn: the physical instances that still have a logical one to serve.
            var active = Math.Min(physical, fanOut - (j / physical * physical));
            var bj = b;
            foreach (var (level, targetLevel) in childLevels)
            {
                var spec = Machine.Level(level);
                var perParent = (int)Math.Max(1, spec.Instances);
                var parentInstance = spec.ParentIds.Count > 0 ? Resolve(b, targetLevel) : 0;
                var groupBase = parentInstance * perParent;
                bj = bj.With(level, groupBase + (j % perParent), groupBase, Math.Min(active, perParent));
            }

            // An instance that moves nothing itself and has one child is just that child: no wrapper iterator.
            var (own, _) = OwnEntries(node, parent);
            var children = ChildrenOf(node);
            var body = own.Length == 0 && children.Count == 1 ? RunNode(children[0].Node, bj) : RunSpatialInstance(node, parent, bj);
            (turns[j % physical] ??= []).Add(body);
        }

        var procs = new Event[physical];
        for (var p = 0; p < physical; p++)
        {
            procs[p] = _sim.Process(turns[p].Count == 1 ? turns[p][0] : InTurn(turns[p]), InstanceName(node, p));
        }

        yield return _sim.AllOf(procs);
        Tally(node).Add(start, _sim.Now);
    }

    /// <summary>Runs the logical instances folded onto one physical instance one after the other.</summary>
    private static IEnumerable<Event> InTurn(List<IEnumerable<Event>> bodies)
    {
        foreach (var body in bodies)
        {
            foreach (var ev in body)
            {
                yield return ev;
            }
        }
    }

    /// <summary>Each distinct child level of a spatial node with the target level of its first entry (whose bound instance is the parent of the fan-out).</summary>
    private (int Level, int TargetLevel)[] ChildLevelsOf(DataMovementTileNode node)
    {
        if (!_childLevels.TryGetValue(node.Index, out var levels))
        {
            levels = [.. node.Entries.Select(e => e.ChildLevelId).Distinct().Select(l => (l, node.Entries.First(e => e.ChildLevelId == l).TargetLevelId))];
            _childLevels.Add(node.Index, levels);
        }

        return levels;
    }

    // Caches are keyed by node index: mapping nodes are records, and hashing one hashes its strings every lookup.
    private readonly Dictionary<int, (int Level, int TargetLevel)[]> _childLevels = [];

    private readonly Dictionary<(int Node, int Instance), string> _instanceNames = [];

    /// <summary>The process name of instance <paramref name="j"/> of a spatial node (<c>Node#j</c>), built once.</summary>
    private string InstanceName(DataMovementTileNode node, int j)
    {
        if (!_instanceNames.TryGetValue((node.Index, j), out var name))
        {
            name = $"{node.Name}#{j}";
            _instanceNames.Add((node.Index, j), name);
        }

        return name;
    }

    /// <summary>The entries a spatial node moves itself, inputs first then outputs: those its temporal parent does not already move (those only describe the fan-out).</summary>
    private (TileEntry[] Inputs, TileEntry[] Outputs) OwnEntries(DataMovementTileNode node, DataMovementTileNode? parent)
    {
        if (!_ownEntries.TryGetValue(node.Index, out var own))
        {
            own = FindOwnEntries(node, parent);
            _ownEntries.Add(node.Index, own);
        }

        return own;
    }

    // Kept apart from OwnEntries so the lambdas' closure is allocated only when the entries are first computed.
    private (TileEntry[] Inputs, TileEntry[] Outputs) FindOwnEntries(DataMovementTileNode node, DataMovementTileNode? parent)
    {
        var all = node.Entries.Where(e => parent is null || parent.IsSpatial || PlanBuilder.FindEntry(parent, e) < 0).ToList();
        return (all.ToArray(), all.Where(e => _plans.IsOutput(e.TensorId, e.Tag)).ToArray());
    }

    private readonly Dictionary<int, (TileEntry[] Inputs, TileEntry[] Outputs)> _ownEntries = [];

    private readonly Dictionary<int, List<(BindingKind Binding, MappingNode Node)>> _children = [];

    private List<(BindingKind Binding, MappingNode Node)> ChildrenOf(MappingNode node)
    {
        if (!_children.TryGetValue(node.Index, out var children))
        {
            children = PlanBuilder.ChildrenOf(node);
            _children.Add(node.Index, children);
        }

        return children;
    }

    private IEnumerable<Event> RunSpatialInstance(DataMovementTileNode node, DataMovementTileNode? parent, LevelBinding b)
    {
        // Entries the temporal parent already moves only describe the fan-out; the others move here, once per invocation.
        var (own, ownOutputs) = OwnEntries(node, parent);
        var label = new ActivityLabel(node.Name, "", -1);
        List<(SramBuffer Buffer, long Bytes)>? reserved = null;
        foreach (var e in own)
        {
            var bytes = EntryBytes(node, e);
            var child = Resolve(b, e.ChildLevelId);
            var target = Resolve(b, e.TargetLevelId);
            if (!Machine.IsCompute(e.ChildLevelId))
            {
                var buffer = Machine.Buffer(e.ChildLevelId, child);
                var asked = _sim.Now;
                var get = AskSpace(buffer, bytes, label with { Tensor = TensorName(e) });
                if (!get.IsProcessed)
                {
                    yield return get;
                }

                SpaceStall(buffer, bytes, label with { Tensor = TensorName(e) }, asked);

                (reserved ??= []).Add((buffer, bytes));
            }

            if (!_plans.IsOutput(e.TensorId, e.Tag))
            {
                foreach (var ev in Move(e, target, [child], bytes, false, label with { Tensor = TensorName(e) }))
                {
                    yield return ev;
                }
            }
        }

        var children = ChildrenOf(node);
        var body = children.Count == 1 ? RunNode(children[0].Node, b) : RunWaves(children, c => RunNode(children[c].Node, b));
        foreach (var ev in body)
        {
            yield return ev;
        }

        foreach (var e in ownOutputs)
        {
            var bytes = EntryBytes(node, e);
            foreach (var ev in Move(e, Resolve(b, e.TargetLevelId), [Resolve(b, e.ChildLevelId)], bytes, true, label with { Tensor = TensorName(e) }))
            {
                yield return ev;
            }
        }

        foreach (var (buffer, bytes) in reserved ?? [])
        {
            FreeSpace(buffer.Space, bytes);
        }
    }

    /// <summary>Gives back <paramref name="amount"/> (buffer bytes or operand slots): at once, with no event, unless others are queued to put.</summary>
    private static void FreeSpace(Container space, long amount)
    {
        if (!space.TryPut(amount))
        {
            space.Put(amount);
        }
    }

    private long EntryBytes(DataMovementTileNode node, TileEntry e)
    {
        var index = -1;
        for (var i = 0; i < node.Entries.Count; i++)
        {
            if (ReferenceEquals(node.Entries[i], e))
            {
                index = i;
            }
        }

        var elements = _tiles.ProjectedElements(_tiles.Below(node.Index, index), e.TensorId, e.Tag);
        return TileAnalysis.Bytes(elements, e.PrecisionBits);
    }

    private string TensorName(TileEntry e) => _inputs.Problem.TensorNames[e.TensorId];

    /// <summary>Asks <paramref name="buffer"/> for <paramref name="bytes"/> of space; yield the request unless it is already processed, then call <see cref="SpaceStall"/>.</summary>
    /// <remarks>The request is always an event, even when the space is free: the requester resumes after the other work of this cycle, an order the fills of a tight buffer depend on.</remarks>
    /// <exception cref="SimulationDeadlockException">The tile is larger than the whole buffer.</exception>
    private ContainerRequest AskSpace(SramBuffer buffer, long bytes, ActivityLabel label)
    {
        if (bytes > buffer.Space.Capacity)
        {
            throw new SimulationDeadlockException(_sim.Now, [$"{buffer.Ref} waits for {bytes} B of space but holds only {buffer.Space.Capacity} B ({label.Operation}, tensor {label.Tensor})"]);
        }

        return buffer.Space.Get(bytes);
    }

    /// <summary>Writes the stall row of a space request asked at <paramref name="asked"/> when it had to wait.</summary>
    private void SpaceStall(SramBuffer buffer, long bytes, ActivityLabel label, long asked)
    {
        if (_sim.Now > asked)
        {
            _sim.Trace?.Write(new TraceRecord(asked, _sim.Now, buffer.Ref.Name, buffer.Ref.Instance, ActivityKind.Stall, label.Operation, label.Tensor, label.Tile, bytes, buffer.SpaceReason));
        }
    }

    private IEnumerable<Event> RunTemporal(DataMovementTileNode node, LevelBinding b)
    {
        var start = _sim.Now;
        var plan = _plans.Plan(node);
        if (plan.IsSimpleLeaf)
        {
            var engine = Resolve(b, plan.ComputeLevel);
            var leaf = _options.StreamLeaves && _enginesExclusive && StreamSetup(plan, b, engine) is { } stream
                ? RunLeafStream(plan, engine, stream)
                : RunLeaf(plan, b);
            foreach (var ev in leaf)
            {
                yield return ev;
            }

            Tally(node).Add(start, _sim.Now);
            yield break;
        }

        var run = new TemporalRun(_sim, plan, b, _options.OperandSlots);
        _sim.Process(Sequencer(run), node.Name + ".mover");
        if (plan.Operation is null && plan.Children.Any(c => c.Binding is BindingKind.Pipeline or BindingKind.Parallel or BindingKind.Sharing))
        {
            foreach (var ev in RunStages(run))
            {
                yield return ev;
            }

            Tally(node).Add(start, _sim.Now);
            yield break;
        }

        for (var i = 0; i < plan.Iterations; i++)
        {
            if (plan.Iterations > _options.MaxRunAhead)
            {
                run.Begun(i).Succeed();
            }

            if (plan.Operation is not null)
            {
                foreach (var ev in Stage(run, i, 0))
                {
                    yield return ev;
                }

                continue;
            }

            var iteration = i;
            foreach (var ev in RunWaves(plan.Children, c => Stage(run, iteration, c)))
            {
                yield return ev;
            }
        }

        if (run.Drains.Count > 0)
        {
            yield return _sim.AllOf(run.Drains);
        }

        Tally(node).Add(start, _sim.Now);
    }

    /// <summary>Runs a temporal node whose children are pipeline (or parallel) stages: one process per stage walks the iterations.</summary>
    /// <remarks>
    /// Children joined by sequential bindings form one stage. Stage k starts iteration i when it has finished iteration
    /// i−1 and, after a pipeline binding, when stage k−1 has finished iteration i (its output tiles exist); after a
    /// parallel or sharing binding it does not wait for stage k−1. So iteration i+1's producer overlaps iteration i's
    /// consumer, with the buffers between them (their space) as the only coupling.
    /// </remarks>
    private IEnumerable<Event> RunStages(TemporalRun run)
    {
        var plan = run.Plan;
        var stages = new List<(bool AfterPipeline, List<int> Children)>();
        for (var c = 0; c < plan.Children.Count; c++)
        {
            var binding = plan.Children[c].Binding;
            if (stages.Count == 0 || binding is BindingKind.Pipeline or BindingKind.Parallel or BindingKind.Sharing)
            {
                stages.Add((binding == BindingKind.Pipeline, [c]));
            }
            else
            {
                stages[^1].Children.Add(c);
            }
        }

        var done = new Event[stages.Count][];
        for (var k = 0; k < stages.Count; k++)
        {
            done[k] = new Event[plan.Iterations];
            for (var i = 0; i < plan.Iterations; i++)
            {
                done[k][i] = _sim.Event();
            }
        }

        var procs = new Event[stages.Count];
        for (var k = 0; k < stages.Count; k++)
        {
            procs[k] = _sim.Process(StageLoop(run, stages, done, k), $"{plan.Node.Name}.stage{k}");
        }

        yield return _sim.AllOf(procs);
        if (run.Drains.Count > 0)
        {
            yield return _sim.AllOf(run.Drains);
        }
    }

    private IEnumerable<Event> StageLoop(TemporalRun run, List<(bool AfterPipeline, List<int> Children)> stages, Event[][] done, int k)
    {
        var plan = run.Plan;
        for (var i = 0; i < plan.Iterations; i++)
        {
            if (k > 0 && stages[k].AfterPipeline && !done[k - 1][i].IsProcessed)
            {
                var asked = _sim.Now;
                yield return done[k - 1][i];
                if (_sim.Now > asked && _sim.Trace is not null)
                {
                    var who = ConsumerRef(run, stages[k].Children[0]);
                    _sim.Trace.Write(new TraceRecord(asked, _sim.Now, who.Name, who.Instance, ActivityKind.Stall, plan.Node.Name, "", i, 0, $"pipeline:{plan.Children[stages[k - 1].Children[0]].Node.Name}"));
                }
            }

            if (k == 0 && plan.Iterations > _options.MaxRunAhead)
            {
                run.Begun(i).Succeed();
            }

            foreach (var c in stages[k].Children)
            {
                foreach (var ev in Stage(run, i, c))
                {
                    yield return ev;
                }
            }

            done[k][i].Succeed();
        }
    }

    private IEnumerable<Event> RunLeaf(TemporalPlan plan, LevelBinding b)
    {
        var run = new LeafRun(_sim, plan, b, _options.OperandSlots);
        var drainers = new List<Event>();
        foreach (var e in plan.Entries)
        {
            if (e.IsOutput)
            {
                drainers.Add(_sim.Process(LeafDrainer(run, e), e.DrainName));
            }
            else
            {
                _sim.Process(LeafMover(run, e), e.FillName);
            }
        }

        var inst = Resolve(b, plan.ComputeLevel);
        var engineRef = Machine.RefOf(plan.ComputeLevel, inst);
        var gemm = plan.Primitive is not null ? Machine.Gemm(plan.ComputeLevel, inst) : null;
        var simd = gemm is null ? Machine.Simd(plan.ComputeLevel, inst) : null;
        var label = new ActivityLabel(plan.Operation!.OperationName, "", -1);
        Request? held = null;
        if (_enginesExclusive)
        {
            var asked = _sim.Now;
            held = gemm is not null ? gemm.Engine.Request() : simd!.Unit.Request();
            yield return held;
            if (_sim.Now > asked)
            {
                _sim.Trace?.Write(new TraceRecord(asked, _sim.Now, engineRef.Name, engineRef.Instance, ActivityKind.Stall, plan.Node.Name, "", -1, 0, "engine_busy:" + engineRef));
            }
        }

        for (var i = 0; i < plan.Iterations; i++)
        {
            foreach (var e in plan.Entries)
            {
                var k = e.Ordinal[i];
                var asked = _sim.Now;
                if (e.IsOutput)
                {
                    // A new output tile needs a free result slot: at most Slots tiles wait for their drain.
                    while (e.StartsAt(i) && k - run.Drained[e.Index] >= run.Slots)
                    {
                        yield return run.ConsumerSleep();
                    }
                }
                else
                {
                    while (run.Filled[e.Index] <= k)
                    {
                        yield return run.ConsumerSleep();
                    }
                }

                if (_sim.Now > asked)
                {
                    _sim.Trace?.Write(new TraceRecord(asked, _sim.Now, engineRef.Name, engineRef.Instance, ActivityKind.Stall, plan.Node.Name, e.TensorName, k, 0, e.OperandWaitReason));
                }
            }

            var body = (gemm, held) switch
            {
                ({ } g, null) => g.Compute(_sim, label with { Tile = i }, plan.Primitive!, plan.PrimitivesPerIteration),
                ({ } g, _) => g.Hold(_sim, label with { Tile = i }, plan.Primitive!, plan.PrimitivesPerIteration),
                (null, null) => simd!.Execute(_sim, label with { Tile = i }, plan.SimdOperation, plan.SimdElements, plan.SimdReduction, plan.PrimitivesPerIteration),
                _ => simd!.Hold(_sim, label with { Tile = i }, plan.SimdOperation, plan.SimdElements, plan.SimdReduction, plan.PrimitivesPerIteration),
            };
            foreach (var ev in body)
            {
                yield return ev;
            }

            foreach (var e in plan.Entries)
            {
                if (!e.EndsAt(i))
                {
                    continue;
                }

                if (e.IsOutput)
                {
                    run.Queued[e.Index]++;
                    run.WakeDrainer(e.Index);
                }
                else
                {
                    run.Released[e.Index]++;
                    run.WakeMover(e.Index);
                }
            }
        }

        held?.Dispose();
        run.Closing = true;
        foreach (var e in plan.Entries)
        {
            if (e.IsOutput)
            {
                run.WakeDrainer(e.Index);
            }
        }

        if (drainers.Count > 0)
        {
            yield return _sim.AllOf(drainers);
        }
    }

    private IEnumerable<Event> LeafMover(LeafRun run, EntryPlan e)
    {
        var target = Resolve(run.Binding, e.Entry.TargetLevelId);
        var children = new[] { Resolve(run.Binding, e.Entry.ChildLevelId) };
        var label = new ActivityLabel(run.Plan.Node.Name, e.TensorName, 0);
        var single = OperandUse(e.Entry, target, children[0], e.BytesPerInstance, drain: false);
        var pair = single is null ? DirectPair(e.Entry, target, children[0], e.BytesPerInstance, drain: false) : null;
        var requester = Machine.RefOf(e.Entry.ChildLevelId, children[0]);
        string? fullReason = null;
        for (var k = 0; k < e.Tiles; k++)
        {
            var asked = _sim.Now;
            while (k - run.Released[e.Index] >= run.Slots)
            {
                yield return run.MoverSleep(e.Index);
            }

            if (_sim.Now > asked && _sim.Trace is not null)
            {
                fullReason ??= $"operand_full:{requester.Name}{requester.Instance}.{e.TensorName}";
                _sim.Trace.Write(new TraceRecord(asked, _sim.Now, requester.Name, requester.Instance, ActivityKind.Stall, run.Plan.Node.Name, e.TensorName, k, e.BytesPerInstance, fullReason));
            }

            var moves = single is { } one
                ? DataTransfer.RunSingle(_sim, requester, label with { Tile = k }, one)
                : pair is { } p
                ? DataTransfer.RunPair(_sim, requester, label with { Tile = k }, p.First, p.Second)
                : Move(e.Entry, target, children, e.BytesPerInstance, false, label with { Tile = k });
            foreach (var ev in moves)
            {
                yield return ev;
            }

            run.Filled[e.Index] = k + 1;
            run.WakeConsumer();
        }
    }

    private IEnumerable<Event> LeafDrainer(LeafRun run, EntryPlan e)
    {
        var target = Resolve(run.Binding, e.Entry.TargetLevelId);
        var children = new[] { Resolve(run.Binding, e.Entry.ChildLevelId) };
        var label = new ActivityLabel(run.Plan.Node.Name, e.TensorName, 0);
        var single = OperandUse(e.Entry, target, children[0], e.BytesPerInstance, drain: true);
        var pair = e.Entry.ReadModifyWrite || single is not null ? null : DirectPair(e.Entry, target, children[0], e.BytesPerInstance, drain: true);
        var requester = Machine.RefOf(e.Entry.ChildLevelId, children[0]);
        for (var k = 0; ; k++)
        {
            while (run.Queued[e.Index] <= k)
            {
                if (run.Closing)
                {
                    yield break;
                }

                yield return run.DrainerSleep(e.Index);
            }

            var moves = single is { } one
                ? DataTransfer.RunSingle(_sim, requester, label with { Tile = k }, one)
                : pair is { } p
                ? DataTransfer.RunPair(_sim, requester, label with { Tile = k }, p.First, p.Second)
                : Move(e.Entry, target, children, e.BytesPerInstance, true, label with { Tile = k });
            foreach (var ev in moves)
            {
                yield return ev;
            }

            run.Drained[e.Index] = k + 1;
            run.WakeConsumer();
        }
    }

    /// <summary>The two port uses of a move with no network leg between one target and one child, or null when the move needs the general path.</summary>
    private (PortUse First, PortUse Second)? DirectPair(TileEntry entry, int target, int child, long bytes, bool drain)
    {
        var T = entry.TargetLevelId;
        var C = entry.ChildLevelId;
        if (Machine.ChildMesh(T, target, C) is not null || T == C)
        {
            return null;
        }

        var netBw = Machine.NetworkPortBandwidth(T, C);
        var targetUses = TargetUses(T, target, C, bytes, read: !drain, netBw).ToList();
        if (targetUses.Count != 1)
        {
            return null;
        }

        return (targetUses[0], ChildUse(T, C, child, bytes, drain, netBw));
    }

    /// <summary>For a leaf operand: the buffer port alone, streaming at the slower of its bandwidth and the engine port's (the engine port only ever serves this buffer's port, so it never waits on its own).</summary>
    private PortUse? OperandUse(TileEntry entry, int target, int child, long bytes, bool drain)
    {
        if (!Machine.IsCompute(entry.ChildLevelId) || entry.ReadModifyWrite || Machine.Level(entry.TargetLevelId).Memory?.Ports > 1)
        {
            return null;
        }

        if (DirectPair(entry, target, child, bytes, drain) is not { } pair)
        {
            return null;
        }

        var bufferSide = pair.First;
        var enginePort = pair.Second.Pool.BytesPerCycle;
        var bw = bufferSide.BytesPerCycle > 0 ? bufferSide.BytesPerCycle : bufferSide.Pool.BytesPerCycle;
        return bufferSide with { BytesPerCycle = Math.Max(1, Math.Min(bw, enginePort)) };
    }


    private ComponentRef ConsumerRef(TemporalRun run, int child)
    {
        var plan = run.Plan;
        var e = plan.Entries.FirstOrDefault(x => x.Consumer == child) ?? plan.Entries[0];
        var level = e.Entry.ChildLevelId;
        return Machine.RefOf(level, Resolve(run.Binding, level));
    }

    private IEnumerable<Event> Stage(TemporalRun run, int i, int child)
    {
        var plan = run.Plan;
        var stageStart = _sim.Now;
        if (plan.HasGatedEntries)
        {
            run.Gate(i, child).Succeed();
        }

        ComponentRef who = default;
        foreach (var e in plan.Entries)
        {
            if (e.Consumer != child)
            {
                continue;
            }

            var ready = run.Ready(e.Index, e.Ordinal[i]);
            if (ready.IsProcessed)
            {
                continue;
            }

            var asked = _sim.Now;
            yield return ready;
            if (_sim.Now > asked && _sim.Trace is not null)
            {
                who = ConsumerRef(run, child);
                _sim.Trace?.Write(new TraceRecord(asked, _sim.Now, who.Name, who.Instance, ActivityKind.Stall, plan.Node.Name, e.TensorName, e.Ordinal[i], 0, e.WaitReason));
            }
        }

        if (plan.Operation is { } op)
        {
            var label = new ActivityLabel(op.OperationName, "", i);
            var inst = Resolve(run.Binding, plan.ComputeLevel);
            var body = plan.Primitive is { } primitive
                ? Machine.Gemm(plan.ComputeLevel, inst).Compute(_sim, label, primitive, plan.PrimitivesPerIteration)
                : Machine.Simd(plan.ComputeLevel, inst).Execute(_sim, label, plan.SimdOperation, plan.SimdElements, plan.SimdReduction, plan.PrimitivesPerIteration);
            foreach (var ev in body)
            {
                yield return ev;
            }
        }
        else
        {
            foreach (var ev in RunNode(plan.Children[child].Node, run.Binding))
            {
                yield return ev;
            }

            StageTally(plan.Children[child].Node).Add(stageStart, _sim.Now);
        }

        foreach (var e in plan.Entries)
        {
            if (e.Consumer != child || !e.EndsAt(i))
            {
                continue;
            }

            if (e.IsOutput)
            {
                run.Drains.Add(_sim.Process(Drain(run, e, e.Ordinal[i]), e.DrainName));
            }
            else
            {
                Release(run, e);
            }
        }
    }

    private int[] Destinations(TemporalRun run, EntryPlan e, int[] group)
    {
        var g = Array.IndexOf(e.Groups, group);
        var cache = run.Destinations[e.Index] ??= new int[e.Groups.Length][];
        return cache[g] ??= ComputeDestinations(run, e, group);
    }

    private int[] ComputeDestinations(TemporalRun run, EntryPlan e, int[] group)
    {
        var result = new int[group.Length];
        if (e.FanOut <= 1)
        {
            result[0] = Resolve(run.Binding, e.Entry.ChildLevelId);
            return result;
        }

        // Logical instances folded onto one physical instance (a fan-out wider than the array) share its copy of a
        // tile: the physical buffer is written once and serves them in turn, so each physical destination appears once.
        var perParent = (int)Math.Max(1, Machine.Level(e.Entry.ChildLevelId).Instances);
        var target = Resolve(run.Binding, e.Entry.TargetLevelId);
        var count = 0;
        for (var k = 0; k < group.Length; k++)
        {
            var d = (target * perParent) + (group[k] % perParent);
            if (Array.IndexOf(result, d, 0, count) < 0)
            {
                result[count++] = d;
            }
        }

        return count == result.Length ? result : result[..count];
    }

    private IEnumerable<Event> Sequencer(TemporalRun run)
    {
        var plan = run.Plan;
        for (var i = 0; i < plan.Iterations; i++)
        {
            if (i >= _options.MaxRunAhead)
            {
                var begun = run.Begun(i - _options.MaxRunAhead);
                if (!begun.IsProcessed)
                {
                    yield return begun;
                }
            }

            foreach (var e in plan.Entries)
            {
                if (!e.StartsAt(i))
                {
                    continue;
                }

                var k = e.Ordinal[i];
                var label = new ActivityLabel(plan.Node.Name, e.TensorName, k);
                foreach (var group in e.Groups)
                {
                    foreach (var d in Destinations(run, e, group))
                    {
                        if (run.Slots[e.Index] is { } slots)
                        {
                            var asked = _sim.Now;
                            if (!slots.TryGet(1))
                            {
                                yield return slots.Get(1);
                            }

                            if (_sim.Now > asked)
                            {
                                var engine = Machine.RefOf(e.Entry.ChildLevelId, d);
                                _sim.Trace?.Write(new TraceRecord(asked, _sim.Now, engine.Name, engine.Instance, ActivityKind.Stall, plan.Node.Name, e.TensorName, k, e.BytesPerInstance, $"operand_full:{engine.Name}{engine.Instance}.{e.TensorName}"));
                            }
                        }
                        else if (!Machine.IsDram(e.Entry.ChildLevelId))
                        {
                            var buffer = Machine.Buffer(e.Entry.ChildLevelId, d);
                            var asked = _sim.Now;
                            var get = AskSpace(buffer, e.BytesPerInstance, label);
                            if (!get.IsProcessed)
                            {
                                yield return get;
                            }

                            SpaceStall(buffer, e.BytesPerInstance, label, asked);
                        }
                    }
                }

                if (e.IsOutput)
                {
                    run.Ready(e.Index, k).Succeed();
                }
                else
                {
                    _sim.Process(Fill(run, e, k, i), e.FillName);
                }
            }
        }
    }

    private IEnumerable<Event> Fill(TemporalRun run, EntryPlan e, int ordinal, int iteration)
    {
        if (e.Gated)
        {
            var gate = run.Gate(iteration, e.Consumer);
            if (!gate.IsProcessed)
            {
                yield return gate;
            }
        }

        var label = new ActivityLabel(run.Plan.Node.Name, e.TensorName, ordinal);
        var target = Resolve(run.Binding, e.Entry.TargetLevelId);
        foreach (var ev in MoveGroups(run, e, target, false, label))
        {
            yield return ev;
        }

        run.Ready(e.Index, ordinal).Succeed();
    }

    private IEnumerable<Event> Drain(TemporalRun run, EntryPlan e, int ordinal)
    {
        var label = new ActivityLabel(run.Plan.Node.Name, e.TensorName, ordinal);
        var target = Resolve(run.Binding, e.Entry.TargetLevelId);
        foreach (var ev in MoveGroups(run, e, target, true, label))
        {
            yield return ev;
        }

        Release(run, e);
    }

    private void Release(TemporalRun run, EntryPlan e)
    {
        foreach (var group in e.Groups)
        {
            foreach (var d in Destinations(run, e, group))
            {
                if (run.Slots[e.Index] is { } slots)
                {
                    FreeSpace(slots, 1);
                }
                else if (!Machine.IsDram(e.Entry.ChildLevelId))
                {
                    FreeSpace(Machine.Buffer(e.Entry.ChildLevelId, d).Space, e.BytesPerInstance);
                }
            }
        }
    }

    private IEnumerable<Event> MoveGroups(TemporalRun run, EntryPlan e, int target, bool drain, ActivityLabel label)
    {
        if (e.Groups.Length == 1)
        {
            foreach (var ev in Move(e.Entry, target, Destinations(run, e, e.Groups[0]), e.BytesPerInstance, drain, label))
            {
                yield return ev;
            }

            yield break;
        }

        var procs = new Event[e.Groups.Length];
        for (var g = 0; g < procs.Length; g++)
        {
            procs[g] = _sim.Process(Move(e.Entry, target, Destinations(run, e, e.Groups[g]), e.BytesPerInstance, drain, label), "move");
        }

        yield return _sim.AllOf(procs);
    }

    /// <summary>Moves one tile between instance <paramref name="target"/> of the entry's target and the child instances <paramref name="children"/> (replicas of the same tile).</summary>
    private IEnumerable<Event> Move(TileEntry entry, int target, int[] children, long bytes, bool drain, ActivityLabel label)
    {
        var T = entry.TargetLevelId;
        var C = entry.ChildLevelId;
        var mesh = Machine.ChildMesh(T, target, C);
        var netBw = Machine.NetworkPortBandwidth(T, C);
        var requester = Machine.RefOf(C, children[0]);
        var together = children.Length == 1 || (mesh is not null && (drain ? mesh.Parameters.ReductionSupport : mesh.Parameters.BroadcastSupport));
        if (!together)
        {
            var procs = new Event[children.Length];
            for (var k = 0; k < children.Length; k++)
            {
                procs[k] = _sim.Process(Move(entry, target, [children[k]], bytes, drain, label), "copy");
            }

            yield return _sim.AllOf(procs);
            yield break;
        }

        if (drain && entry.ReadModifyWrite)
        {
            // Read-modify-write: the old partial sum is read at the target before the new one is written.
            foreach (var ev in DataTransfer.Run(_sim, requester, label, TargetUses(T, target, C, bytes, read: true, netBw).ToList(), null))
            {
                yield return ev;
            }
        }

        PortUse[] uses;
        if (Machine.IsDram(T) || T == C)
        {
            var list = new List<PortUse>(TargetUses(T, target, C, bytes, read: !drain, netBw));
            foreach (var child in children)
            {
                list.Add(ChildUse(T, C, child, bytes, drain, netBw));
            }

            uses = [.. list];
        }
        else
        {
            // One buffer port at the target and one per child: sized up front, no list growth.
            uses = new PortUse[1 + children.Length];
            uses[0] = TargetBufferUse(T, target, bytes, read: !drain, netBw);
            for (var k = 0; k < children.Length; k++)
            {
                uses[k + 1] = ChildUse(T, C, children[k], bytes, drain, netBw);
            }
        }

        NetworkLeg? leg = null;
        if (mesh is not null)
        {
            var nodes = new MeshNode[children.Length];
            for (var k = 0; k < children.Length; k++)
            {
                nodes[k] = mesh.NodeOf((children[k] - mesh.FirstInstance) % mesh.Parameters.Nodes);
            }

            leg = drain && children.Length == 1
                ? new NetworkLeg(mesh, nodes[0], [new MeshNode(0, 0)], false)
                : new NetworkLeg(mesh, new MeshNode(0, 0), nodes, true);
        }

        foreach (var ev in DataTransfer.Run(_sim, requester, label, uses, leg, bytes))
        {
            yield return ev;
        }
    }

    private static long Cap(long bw, long netBw) => netBw > 0 && bw > netBw ? netBw : bw;

    private IEnumerable<PortUse> TargetUses(int T, int target, int C, long bytes, bool read, long netBw)
    {
        if (Machine.IsDram(T))
        {
            foreach (var u in Machine.Dram(T).Uses(bytes, write: !read))
            {
                // The DRAM streams no faster than the router port it feeds (COMET: Bt ≤ pu·Net.bw).
                yield return u with { BytesPerCycle = Cap(u.Pool.BytesPerCycle, netBw) };
            }

            yield break;
        }

        if (T == C)
        {
            yield break;
        }

        yield return TargetBufferUse(T, target, bytes, read, netBw);
    }

    private PortUse TargetBufferUse(int T, int target, long bytes, bool read, long netBw)
    {
        var buffer = Machine.Buffer(T, target);
        var side = read ? BufferSide.ChildRead : BufferSide.ChildWrite;
        return buffer.Use(side, bytes, Cap(buffer.PerPortBandwidth(side), netBw));
    }

    private PortUse ChildUse(int T, int C, int child, long bytes, bool drain, long netBw)
    {
        if (Machine.IsCompute(C))
        {
            var port = Machine.OperandPort(C, child, T, drain);
            return new PortUse(port, bytes, 0, drain ? ActivityKind.Read : ActivityKind.Write, null);
        }

        var buffer = Machine.Buffer(C, child);
        var side = drain ? BufferSide.ParentRead : BufferSide.ParentWrite;
        return buffer.Use(side, bytes, Cap(buffer.Bandwidth(side), netBw));
    }

    private IEnumerable<Event> RunCollective(CollectiveOperationNode node, LevelBinding b)
    {
        var start = _sim.Now;
        var level = node.TargetLevelId;
        var me = Resolve(b, level);
        var (span, participants) = Participants(node, b, me);

        var occurrence = _occurrences.GetValueOrDefault((node.Index, me));
        _occurrences[(node.Index, me)] = occurrence + 1;
        var key = (node.Index, participants[0], occurrence);
        if (!_rendezvous.TryGetValue(key, out var meeting))
        {
            meeting = new CollectiveRendezvous(_sim.Event(), participants.Length);
            _rendezvous[key] = meeting;
        }

        meeting.Arrived++;
        if (meeting.Arrived == meeting.Expected)
        {
            _rendezvous.Remove(key);
            _sim.Process(Collective(node, span, participants, meeting.Done), $"{node.Name}.schedule");
        }

        var who = Machine.RefOf(level, me);
        var reason = $"collective:{node.Kind.ToString().ToLowerInvariant()}#{node.Index}";
        var asked = _sim.Now;
        if (!meeting.Done.IsProcessed)
        {
            yield return meeting.Done;
        }

        var scheduleStart = meeting.Done.Value is long s ? s : asked;
        if (scheduleStart > asked)
        {
            _sim.Trace?.Write(new TraceRecord(asked, scheduleStart, who.Name, who.Instance, ActivityKind.Stall, node.Name, TensorNameOf(node.InputTensorId), occurrence, 0, reason));
            Tally(node).AddStall(scheduleStart - asked);
        }

        _sim.Trace?.Write(new TraceRecord(Math.Max(asked, scheduleStart), _sim.Now, who.Name, who.Instance, ActivityKind.Collective, node.Name, TensorNameOf(node.InputTensorId), occurrence, 0, ""));
        Tally(node).Add(start, _sim.Now);
    }

    /// <summary>The levels a collective spans (its target level, then each parent level its <c>src</c>/<c>dest</c> name) and its participants: the target-level instances under the bound instances of the span, in instance order (the first is the root).</summary>
    /// <remarks>
    /// COMET counts the product of the instance counts of the <c>src</c> levels. The participants here are the instances
    /// of those levels that run this collective: at each level of the span, the peers it fanned out with (all of them when
    /// the mapping uses the whole array, which is COMET's count). A span of one level keeps the collective under one parent.
    /// </remarks>
    private (int[] Span, int[] Participants) Participants(CollectiveOperationNode node, LevelBinding b, int me)
    {
        var level = node.TargetLevelId;
        if (b.Bound(level) < 0)
        {
            return ([level], [me]);
        }

        // Climb from the target level while the next parent is named by src or dest and is bound by a fan-out.
        var span = new List<int> { level };
        for (var at = level; ;)
        {
            var parents = Machine.Level(at).ParentIds;
            if (parents.Count == 0)
            {
                break;
            }

            var p = parents[0];
            if (b.Bound(p) < 0 || !(node.SourceLevelIds.Contains(p) || node.DestinationLevelIds.Contains(p)))
            {
                break;
            }

            span.Add(p);
            at = p;
        }

        var top = span[^1];
        var set = Enumerable.Range(b.GroupBase(top), b.GroupSize(top)).ToList();
        for (var k = span.Count - 2; k >= 0; k--)
        {
            // Level k's peers under every instance of the level above, at the same offsets as under the bound one.
            var perParent = (int)Math.Max(1, Machine.Level(span[k]).Instances);
            var offset = b.GroupBase(span[k]) - (b.Bound(span[k + 1]) * perParent);
            var size = b.GroupSize(span[k]);
            set = [.. set.SelectMany(q => Enumerable.Range((q * perParent) + offset, size))];
        }

        return set.Contains(me) ? ([.. span], [.. set]) : ([level], [me]);
    }

    private string TensorNameOf(int id) => id >= 0 && id < _inputs.Problem.TensorNames.Count ? _inputs.Problem.TensorNames[id] : "";

    private IEnumerable<Event> Collective(CollectiveOperationNode node, int[] span, int[] participants, Event done)
    {
        var start = _sim.Now;
        var level = node.TargetLevelId;
        var extents = _tiles.CollectiveInput(node.Index);
        var elements = extents is null ? 0 : _tiles.ProjectedElements(extents, node.InputTensorId, node.Tag);
        var bytes = TileAnalysis.Bytes(elements, node.PrecisionBits);
        var spec = Machine.Level(level);
        var net = spec.LinkNetwork;
        var algorithm = CollectiveAlgorithmOf.Kind(node.Kind);
        var schedule = CollectiveSchedule.Build(algorithm, participants.Length, bytes, elements, net?.BroadcastSupport ?? false, net?.ReductionSupport ?? false);
        var label = new ActivityLabel(node.Name, TensorNameOf(node.InputTensorId), -1);
        var buffers = participants.Select(p => Machine.Buffer(level, p)).ToArray();
        var op = PlanBuilder.ToSimd(node.ReductionOperator == OperationKind.None ? OperationKind.Add : node.ReductionOperator);
        foreach (var ev in CollectiveExecutor.Run(_sim, schedule, buffers, participants, Fabric(span), label, op, p => Machine.SimdBelow(level, participants[p])))
        {
            yield return ev;
        }

        done.Succeed(start);
    }

    /// <summary>The meshes joining the levels of <paramref name="span"/>: each level's link mesh under a parent instance, or (above the participants' level) the mesh its parent fills it through.</summary>
    private CollectiveFabric Fabric(int[] span)
    {
        if (!_fabrics.TryGetValue((span[0], span.Length), out var fabric))
        {
            var perParent = span.Select(l => (int)Math.Max(1, Machine.Level(l).Instances)).ToArray();
            fabric = new CollectiveFabric(perParent, (k, parent) =>
            {
                var level = span[k];
                var spec = Machine.Level(level);
                // The participants talk over their link mesh; the levels above carry data on theirs when they have
                // one, otherwise on the mesh their parent fills them through.
                return Machine.LinkMesh(level, parent * perParent[k])
                    ?? (k > 0 && spec.ParentIds.Count > 0 ? Machine.ChildMesh(spec.ParentIds[0], parent, level) : null);
            });
            _fabrics.Add((span[0], span.Length), fabric);
        }

        return fabric;
    }

    // A span is its target level and how many parent levels it climbs (always through the first parent).
    private readonly Dictionary<(int Level, int Levels), CollectiveFabric> _fabrics = [];
}
