using Comet.Hardware.Components;
using Comet.Sim;
using Comet.Workloads.Inputs;

namespace Comet.Workloads.Execution;

/// <summary>The consumer side of a temporal node: runs its iterations (or its pipeline stages), each child once its input tiles are in, then hands finished tiles to the <see cref="TemporalSequencer"/>; a leaf goes to its own room.</summary>
internal sealed class TemporalLoop(RunContext run, TemporalSequencer sequencer, TemporalLanes lanes, LeafProcesses leaves, LeafStreamRunner streams, Func<MappingNode, LevelBinding, IEnumerable<Event>> runNode)
{
    // Keyed by node index (one plan per node): the traffic rows of a simple leaf's entries.
    private readonly Dictionary<int, long[][]> _leafTraffic = [];

    // Invocation bodies that are done, ready for the next invocation.
    private readonly RefStack<TemporalInvocation> _spareInvocations = new();

    /// <summary>Runs one invocation of <paramref name="node"/> on the instances <paramref name="b"/> binds (nothing happens before it is first stepped).</summary>
    public IEnumerable<Event> Run(DataMovementTileNode node, LevelBinding b) => new TemporalNodeRun(this, node, b);

    /// <summary>The same invocation for a caller that enumerates it once (runs it at once or as a process): the recycled body itself.</summary>
    public IEnumerable<Event> RunOnce(DataMovementTileNode node, LevelBinding b) =>
        (_spareInvocations.TryPop(out var body) ? body : new TemporalInvocation(this, _spareInvocations)).Prepare(node, b);

    /// <summary>A recycled enumerator running one invocation of <paramref name="node"/> on <paramref name="b"/>.</summary>
    internal IEnumerator<Event> Invocation(DataMovementTileNode node, LevelBinding b) =>
        (_spareInvocations.TryPop(out var body) ? body : new TemporalInvocation(this, _spareInvocations)).Prepare(node, b);

    /// <summary>The simulation the invocations run in.</summary>
    internal Simulation Sim => run.Sim;

    /// <summary>Starts one invocation that began at <paramref name="start"/>: for a simple leaf the leaf's own body (and <paramref name="leafPlan"/> set, for <see cref="LeafDone"/>), else the whole invocation's body.</summary>
    internal IEnumerable<Event> Begin(DataMovementTileNode node, LevelBinding b, long start, out TemporalPlan? leafPlan)
    {
        var plan = run.Plans.Plan(node);
        if (plan.IsSimpleLeaf)
        {
            leafPlan = plan;
            return run.Options.StreamLeaves && run.EnginesExclusive && streams.Site(plan, b) is { } stream
                ? streams.Run(plan, stream)
                : leaves.Run(plan, b);
        }

        leafPlan = null;
        return General(node, b, plan, start);
    }

    /// <summary>Counts a simple leaf invocation's traffic and time once its body ended.</summary>
    internal void LeafDone(DataMovementTileNode node, TemporalPlan plan, long start)
    {
        var rows = LeafTraffic(plan);
        foreach (var e in plan.Entries)
        {
            rows[e.Index][e.IsOutput ? 1 : 0] += e.Tiles * e.BytesPerInstance;
        }

        run.Tallies.Of(node).Add(start, run.Sim.Now);
    }

    /// <summary>One invocation of a node that is not a simple leaf: free lanes, pipeline stages, or iterations in binding waves.</summary>
    private IEnumerable<Event> General(DataMovementTileNode node, LevelBinding b, TemporalPlan plan, long start)
    {
        var sim = run.Sim;
        if (run.Options.Instances == InstanceSync.Free && lanes.Layout(plan) is { } layout)
        {
            run.Mechanisms.LaneInvocations++;
            yield return sim.Call(lanes.Run(plan, b, layout));

            yield break;
        }

        var state = new TemporalRun(sim, plan, b, run.Options.OperandSlots);
        sim.Process(sequencer.Sequence(state), node.Name + ".mover");
        if (plan.Operation is null && plan.Children.Any(c => c.Binding is BindingKind.Pipeline or BindingKind.Parallel or BindingKind.Sharing))
        {
            yield return sim.Call(RunStages(state));

            state.End();
            run.Tallies.Of(node).Add(start, sim.Now);
            yield break;
        }

        for (var i = 0; i < plan.Iterations; i++)
        {
            if (plan.Iterations > run.Options.MaxRunAhead)
            {
                state.Begun(i).Succeed();
            }

            if (plan.Operation is not null)
            {
                yield return sim.Call(Stage(state, i, 0));

                continue;
            }

            yield return sim.Call(Iteration(state, i));
        }

        if (state.Drains.Count > 0)
        {
            yield return sim.AllOf(state.Drains);
        }

        state.End();
        run.Tallies.Of(node).Add(start, sim.Now);
    }

    /// <summary>The children of iteration <paramref name="i"/> in binding waves (the closure is made here, not at every invocation).</summary>
    private IEnumerable<Event> Iteration(TemporalRun state, int i) => BindingWaves.Run(run.Sim, state.Plan.Children, c => Stage(state, i, c));

    /// <summary>Per entry of a simple leaf, its traffic row: every invocation adds the same bytes to the same rows, so they are found once per leaf node, after its first invocation (when the rows first exist, as before).</summary>
    private long[][] LeafTraffic(TemporalPlan plan)
    {
        if (!_leafTraffic.TryGetValue(plan.Node.Index, out var rows))
        {
            rows = new long[plan.Entries.Length][];
            foreach (var e in plan.Entries)
            {
                rows[e.Index] = run.Traffic.Row(e.Entry.TargetLevelId, e.Entry.ChildLevelId, e.Entry.TensorId);
            }

            _leafTraffic.Add(plan.Node.Index, rows);
        }

        return rows;
    }

    /// <summary>Runs a temporal node whose children are pipeline (or parallel) stages: one process per stage walks the iterations.</summary>
    /// <remarks>
    /// Children joined by sequential bindings form one stage. Stage k starts iteration i when it has finished iteration
    /// i−1 and, after a pipeline binding, when stage k−1 has finished iteration i (its output tiles exist); after a
    /// parallel or sharing binding it does not wait for stage k−1. So iteration i+1's producer overlaps iteration i's
    /// consumer, with the buffers between them (their space) as the only coupling.
    /// </remarks>
    private IEnumerable<Event> RunStages(TemporalRun state)
    {
        var sim = run.Sim;
        var plan = state.Plan;
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
                done[k][i] = sim.Event();
            }
        }

        var procs = new Event[stages.Count];
        for (var k = 0; k < stages.Count; k++)
        {
            procs[k] = sim.Process(StageLoop(state, stages, done, k), $"{plan.Node.Name}.stage{k}");
        }

        yield return sim.AllOf(procs);
        if (state.Drains.Count > 0)
        {
            yield return sim.AllOf(state.Drains);
        }
    }

    private IEnumerable<Event> StageLoop(TemporalRun state, List<(bool AfterPipeline, List<int> Children)> stages, Event[][] done, int k)
    {
        var sim = run.Sim;
        var plan = state.Plan;
        for (var i = 0; i < plan.Iterations; i++)
        {
            if (k > 0 && stages[k].AfterPipeline && !done[k - 1][i].IsProcessed)
            {
                var asked = sim.Now;
                yield return done[k - 1][i];
                run.Stalls.Idle(ConsumerRef(state, stages[k].Children[0]), IdleReason.Binding, asked);
                if (run.Stalls.Waited(asked))
                {
                    run.Stalls.Pipeline(ConsumerRef(state, stages[k].Children[0]), plan.Node.Name, i, plan.Children[stages[k - 1].Children[0]].Node.Name, asked);
                }
            }

            if (k == 0 && plan.Iterations > run.Options.MaxRunAhead)
            {
                state.Begun(i).Succeed();
            }

            foreach (var c in stages[k].Children)
            {
                yield return sim.Call(Stage(state, i, c));
            }

            done[k][i].Succeed();
        }
    }

    /// <summary>One child of iteration <paramref name="i"/>: wait for its input tiles, run it (or the node's own operation), then release the inputs and launch the drains of the outputs whose tile ends here.</summary>
    private IEnumerable<Event> Stage(TemporalRun state, int i, int child)
    {
        var sim = run.Sim;
        var plan = state.Plan;
        var stageStart = sim.Now;
        if (plan.HasGatedEntries)
        {
            state.Gate(i, child).Succeed();
        }

        foreach (var e in plan.Entries)
        {
            if (e.Consumer != child)
            {
                continue;
            }

            var ready = state.Ready(e.Index, e.Ordinal[i]);
            if (ready.IsProcessed)
            {
                continue;
            }

            var asked = sim.Now;
            yield return ready;
            if (sim.Now > asked)
            {
                run.Stalls.Idle(ConsumerRef(state, child), StallRows.ReasonOf(e), asked);
            }

            if (run.Stalls.Waited(asked))
            {
                run.Stalls.Tile(ConsumerRef(state, child), plan.Node.Name, e, e.Ordinal[i], asked);
            }
        }

        if (plan.Operation is { } op)
        {
            var engine = LeafEngine.Of(run.Machine, plan, run.Resolve(state.Binding, plan.ComputeLevel));
            yield return sim.Call(engine.Step(sim, new ActivityLabel(op.OperationName, "", i), held: false));
        }
        else
        {
            if (run.Resident.Enabled || run.Prefetch.Enabled)
            {
                sequencer.NoteTilesInUse(state, i, child);
            }

            yield return sim.Call(runNode(plan.Children[child].Node, state.Binding));

            run.Tallies.StagesOf(plan.Children[child].Node).Add(stageStart, sim.Now);
        }

        foreach (var e in plan.Entries)
        {
            if (e.Consumer != child || !e.EndsAt(i))
            {
                continue;
            }

            if (e.IsOutput)
            {
                state.AddDrain(sim.Process(sequencer.Drain(state, e, e.Ordinal[i]), e.DrainName));
            }
            else
            {
                sequencer.Release(state, e);
            }
        }
    }

    /// <summary>The instance that consumes child <paramref name="child"/>'s tiles, for stall rows.</summary>
    private ComponentRef ConsumerRef(TemporalRun state, int child)
    {
        var plan = state.Plan;
        var e = plan.Entries.FirstOrDefault(x => x.Consumer == child) ?? plan.Entries[0];
        var level = e.Entry.ChildLevelId;
        return run.Machine.RefOf(level, run.Resolve(state.Binding, level));
    }
}
