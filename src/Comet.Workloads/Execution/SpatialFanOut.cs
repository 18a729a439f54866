using Comet.Hardware.Components;
using Comet.Sim;
using Comet.Workloads.Inputs;

namespace Comet.Workloads.Execution;

/// <summary>Runs a spatial node: its children once per child instance, concurrently, folding a fan-out wider than the instance array onto the physical instances in turn.</summary>
internal sealed class SpatialFanOut(RunContext run, TileMover mover, TileSpace space, Func<MappingNode, LevelBinding, IEnumerable<Event>> runNode, Func<MappingNode, LevelBinding, IEnumerable<Event>> runNodeOnce)
{
    // Memos keyed by node index: mapping nodes are records, and hashing one hashes its strings every lookup.
    private readonly Dictionary<int, (int Level, int TargetLevel)[]> _childLevels = [];
    private readonly Dictionary<(int Node, int Instance), string> _instanceNames = [];
    private readonly Dictionary<int, (TileEntry[] Inputs, TileEntry[] Outputs)> _ownEntries = [];
    private readonly Dictionary<int, List<(BindingKind Binding, MappingNode Node)>> _children = [];
    private readonly Dictionary<(int Node, int Entry), long> _entryBytes = [];

    // The logical instances' bindings of a node under one parent binding: a pure function of the two (bindings are
    // immutable), so worked out once rather than at every invocation.
    private readonly Dictionary<int, Dictionary<LevelBinding, LevelBinding[]>> _instanceBindings = [];

    /// <summary>Runs one invocation of <paramref name="node"/> under the instances <paramref name="b"/> binds.</summary>
    public IEnumerable<Event> Run(DataMovementTileNode node, LevelBinding b)
    {
        var sim = run.Sim;
        var start = sim.Now;
        var bodies = Bodies(node, b);
        var physical = bodies.Length;
        var ends = new long[physical];
        var procs = new Event[physical];
        for (var p = 0; p < physical; p++)
        {
            procs[p] = sim.Process(Timed(bodies[p], ends, p), InstanceName(node, p));
        }

        yield return sim.AllOf(procs);
        run.Tallies.Of(node).Add(start, sim.Now);

        // Lock-step: an instance that finished early waits for the slowest of its fan-out.
        for (var p = 0; p < physical; p++)
        {
            if (sim.Now > ends[p])
            {
                run.Idle.Add(LaneRef(node, b, p), IdleReason.Binding, sim.Now - ends[p]);
            }
        }
    }

    /// <summary>Physical instances a spatial node runs on, and its logical fan-out (more than the physical instances when it folds).</summary>
    public (int Physical, int FanOut) Shape(DataMovementTileNode node)
    {
        var fanOut = 1;
        foreach (var e in node.Entries)
        {
            fanOut = Math.Max(fanOut, (int)e.FactorProduct);
        }

        var physical = fanOut;
        foreach (var (level, _) in ChildLevelsOf(node))
        {
            physical = Math.Min(physical, (int)Math.Max(1, run.Machine.Level(level).Instances));
        }

        return (physical, fanOut);
    }

    /// <summary>The component instance that physical instance <paramref name="p"/> of <paramref name="node"/> is (its first child level's), for idle time and stall rows.</summary>
    public ComponentRef LaneRef(DataMovementTileNode node, LevelBinding b, int p)
    {
        var (level, targetLevel) = ChildLevelsOf(node)[0];
        var spec = run.Machine.Level(level);
        var perParent = (int)Math.Max(1, spec.Instances);
        var parentInstance = spec.ParentIds.Count > 0 ? run.Resolve(b, targetLevel) : 0;
        return run.Machine.RefOf(level, (parentInstance * perParent) + p);
    }

    /// <summary>One body per physical instance of one invocation of <paramref name="node"/>: the logical instances folded onto it, in turn.</summary>
    public IEnumerable<Event>[] Bodies(DataMovementTileNode node, LevelBinding b)
    {
        var parent = run.Inputs.Mapping.Parent(node) as DataMovementTileNode;

        // A fan-out wider than the physical instance array folds logical instance j onto physical j mod P (P = the
        // smallest instance count among the child levels): each physical instance serves its logical instances in
        // turn, one after the other, while different physical instances run concurrently.
        var childLevels = ChildLevelsOf(node);
        var (physical, fanOut) = Shape(node);
        if (physical < fanOut)
        {
            // Folded logical instances keep several parents' tiles in one buffer at once: which one a kept tile came
            // from is no longer one version per buffer, so nothing is kept from here on.
            run.Resident.Disable();
        }

        // Without folding every physical instance runs one body: no per-instance list of turns.
        var bodies = new IEnumerable<Event>[physical];
        var turns = physical == fanOut ? null : new List<IEnumerable<Event>>[physical];
        var (own, _) = OwnEntries(node, parent);
        var children = ChildrenOf(node);
        var bindings = InstanceBindings(node, b, childLevels, physical, fanOut);
        for (var j = 0; j < fanOut; j++)
        {
            var bj = bindings[j];

            // An instance that moves nothing itself and has one child is just that child: no wrapper iterator.
            var body = own.Length == 0 && children.Count == 1 ? runNode(children[0].Node, bj) : RunInstance(node, parent, bj);
            if (turns is null)
            {
                bodies[j] = body;
            }
            else
            {
                (turns[j % physical] ??= []).Add(body);
            }
        }

        for (var p = 0; turns is not null && p < physical; p++)
        {
            bodies[p] = turns[p].Count == 1 ? turns[p][0] : InTurn(turns[p]);
        }

        return bodies;
    }

    /// <summary>The binding of each logical instance j of <paramref name="node"/> under <paramref name="b"/>: every child level bound to its instance j (mod its instances) among the peers still active in j's turn.</summary>
    private LevelBinding[] InstanceBindings(DataMovementTileNode node, LevelBinding b, (int Level, int TargetLevel)[] childLevels, int physical, int fanOut)
    {
        if (!_instanceBindings.TryGetValue(node.Index, out var byParent))
        {
            byParent = new Dictionary<LevelBinding, LevelBinding[]>(LevelBinding.ByContent);
            _instanceBindings.Add(node.Index, byParent);
        }

        if (byParent.TryGetValue(b, out var bindings))
        {
            return bindings;
        }

        bindings = new LevelBinding[fanOut];
        for (var j = 0; j < fanOut; j++)
        {
            // The peers fanned out with in this turn: the physical instances that still have a logical one to serve.
            var active = Math.Min(physical, fanOut - (j / physical * physical));
            var bj = b;
            foreach (var (level, targetLevel) in childLevels)
            {
                var spec = run.Machine.Level(level);
                var perParent = (int)Math.Max(1, spec.Instances);
                var parentInstance = spec.ParentIds.Count > 0 ? run.Resolve(b, targetLevel) : 0;
                var groupBase = parentInstance * perParent;
                bj = bj.With(level, groupBase + (j % perParent), groupBase, Math.Min(active, perParent));
            }

            bindings[j] = bj;
        }

        byParent.Add(b, bindings);
        return bindings;
    }

    /// <summary>Runs <paramref name="body"/> and notes the cycle it ended in <paramref name="ends"/>[<paramref name="p"/>].</summary>
    private IEnumerable<Event> Timed(IEnumerable<Event> body, long[] ends, int p)
    {
        yield return run.Sim.Call(body);

        ends[p] = run.Sim.Now;
    }

    /// <summary>Runs the logical instances folded onto one physical instance one after the other.</summary>
    private IEnumerable<Event> InTurn(List<IEnumerable<Event>> bodies)
    {
        foreach (var body in bodies)
        {
            yield return run.Sim.Call(body);
        }
    }

    /// <summary>One child instance: moves the entries its temporal parent does not (once per invocation), runs the children, drains its own outputs and gives their space back.</summary>
    private IEnumerable<Event> RunInstance(DataMovementTileNode node, DataMovementTileNode? parent, LevelBinding b)
    {
        var sim = run.Sim;
        var (own, ownOutputs) = OwnEntries(node, parent);
        var label = new ActivityLabel(node.Name, "", -1);
        List<(IMemory Memory, Container Space, long Bytes)>? reserved = null;
        foreach (var e in own)
        {
            var bytes = EntryBytes(node, e);
            var child = run.Resolve(b, e.ChildLevelId);
            var target = run.Resolve(b, e.TargetLevelId);
            if (run.Machine.Memory(e.ChildLevelId, child) is { Space: { } room } memory)
            {
                var asked = sim.Now;
                var get = space.Ask(memory, room, bytes, label with { Tensor = run.TensorName(e.TensorId) });
                if (!get.IsProcessed)
                {
                    yield return get;
                }

                space.Stall(memory, bytes, label with { Tensor = run.TensorName(e.TensorId) }, asked);
                (reserved ??= _spareReserved.TryPop(out var spare) ? spare : []).Add((memory, room, bytes));
            }

            if (!run.Plans.IsOutput(e.TensorId, e.Tag))
            {
                yield return sim.Call(mover.MoveNow(e, target, mover.Single(child), bytes, false, label with { Tensor = run.TensorName(e.TensorId) }));
            }
        }

        var children = ChildrenOf(node);
        var body = children.Count == 1 ? runNodeOnce(children[0].Node, b) : Waves(children, b);
        yield return sim.Call(body);

        foreach (var e in ownOutputs)
        {
            var bytes = EntryBytes(node, e);
            yield return sim.Call(mover.MoveNow(e, run.Resolve(b, e.TargetLevelId), mover.Single(run.Resolve(b, e.ChildLevelId)), bytes, true, label with { Tensor = run.TensorName(e.TensorId) }));
        }

        if (reserved is not null)
        {
            foreach (var (_, room, bytes) in reserved)
            {
                TileSpace.Free(room, bytes);
            }

            reserved.Clear();
            _spareReserved.Push(reserved);
        }
    }

    // Emptied lists of an instance's reserved space, for the next instance.
    private readonly Stack<List<(IMemory Memory, Container Space, long Bytes)>> _spareReserved = new();

    // Waves bodies that are done, ready for the next instance.
    private readonly RefStack<NodeWaves> _spareWaves = new();

    /// <summary>The children of one instance in binding waves, as a recycled body (run at once, so enumerated once).</summary>
    private IEnumerable<Event> Waves(List<(BindingKind Binding, MappingNode Node)> children, LevelBinding b) =>
        (_spareWaves.TryPop(out var waves) ? waves : new NodeWaves(runNodeOnce, _spareWaves)).Prepare(run.Sim, children, b);

    /// <summary>Bytes of entry <paramref name="e"/>'s tile below <paramref name="node"/> (fixed by the mapping: computed once per node and entry).</summary>
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

        if (!_entryBytes.TryGetValue((node.Index, index), out var bytes))
        {
            var elements = run.Tiles.ProjectedElements(run.Tiles.Below(node.Index, index), e.TensorId, e.Tag);
            bytes = TileAnalysis.Bytes(elements, e.PrecisionBits);
            _entryBytes.Add((node.Index, index), bytes);
        }

        return bytes;
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
        var all = node.Entries.Where(e => parent is null || parent.IsSpatial || MappingTree.FindEntry(parent, e) < 0).ToList();
        return (all.ToArray(), all.Where(e => run.Plans.IsOutput(e.TensorId, e.Tag)).ToArray());
    }

    private List<(BindingKind Binding, MappingNode Node)> ChildrenOf(MappingNode node)
    {
        if (!_children.TryGetValue(node.Index, out var children))
        {
            children = MappingTree.ChildrenOf(node);
            _children.Add(node.Index, children);
        }

        return children;
    }
}
