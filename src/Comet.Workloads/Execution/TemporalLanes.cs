using Comet.Hardware.Components;
using Comet.Sim;
using Comet.Workloads.Inputs;

namespace Comet.Workloads.Execution;

/// <summary>The consumer side of a temporal node whose fan-out instances run free: one process per lane walks the iterations, starting each tile step when its own tiles are in, and the lanes meet only at children run once for all of them (collectives, temporal children).</summary>
/// <remarks>
/// A node runs this way (with <see cref="InstanceSync.Free"/>) when it has no pipeline stages and no operation of its
/// own, every spatial child runs on the same number of physical instances (two or more) without folding, and every
/// entry either fans out to those instances or goes to a child run once per iteration in a level no lane fills.
/// Otherwise it runs in lock-step (<see cref="TemporalLoop"/>).
/// </remarks>
internal sealed class TemporalLanes(RunContext run, LaneSequencer movers, SpatialFanOut spatial, Func<MappingNode, LevelBinding, IEnumerable<Event>> runNode)
{
    private const int GateMeeting = 0;
    private const int SpanMeeting = 1;
    private const int BarrierMeeting = 2;
    private readonly Dictionary<int, LaneLayout?> _layouts = [];

    /// <summary>How <paramref name="plan"/>'s entries split over its lanes, or null when the node must run in lock-step.</summary>
    public LaneLayout? Layout(TemporalPlan plan)
    {
        if (!_layouts.TryGetValue(plan.Node.Index, out var layout))
        {
            layout = FindLayout(plan);
            _layouts.Add(plan.Node.Index, layout);
        }

        return layout;
    }

    /// <summary>Runs one invocation of <paramref name="plan"/>'s node on the instances <paramref name="b"/> binds, one process per lane.</summary>
    public IEnumerable<Event> Run(TemporalPlan plan, LevelBinding b, LaneLayout layout)
    {
        var sim = run.Sim;
        var start = sim.Now;
        var state = new TemporalRun(sim, plan, b, run.Options.OperandSlots);
        var first = (DataMovementTileNode)plan.Children.First(c => c.Node is DataMovementTileNode { IsSpatial: true }).Node;
        var refs = new ComponentRef[layout.Lanes];
        for (var p = 0; p < refs.Length; p++)
        {
            refs[p] = spatial.LaneRef(first, b, p);
        }

        var lanes = new LaneRun(sim, state, layout, refs);
        for (var p = 0; p < layout.Lanes; p++)
        {
            sim.Process(movers.SequenceLane(lanes, p), plan.Node.Name + ".mover");
        }

        if (layout.PerLane.Any(x => !x))
        {
            sim.Process(movers.SequenceShared(lanes), plan.Node.Name + ".mover");
        }

        var procs = new Event[layout.Lanes];
        for (var p = 0; p < procs.Length; p++)
        {
            procs[p] = sim.Process(Lane(lanes, p), $"{plan.Node.Name}#{p}");
        }

        yield return sim.AllOf(procs);
        if (state.Drains.Count > 0)
        {
            yield return sim.AllOf(state.Drains);
        }

        state.End();
        run.Tallies.Of(plan.Node).Add(start, sim.Now);
    }

    /// <summary>Lane <paramref name="p"/>: every iteration, every child in order — a spatial child's body for this lane once its tiles are in, a child run once for all lanes when the last lane reaches it.</summary>
    private IEnumerable<Event> Lane(LaneRun lanes, int p)
    {
        var sim = run.Sim;
        var state = lanes.State;
        var plan = state.Plan;
        var me = lanes.LaneRefs[p];
        for (var i = 0; i < plan.Iterations; i++)
        {
            if (plan.Iterations > run.Options.MaxRunAhead)
            {
                lanes.Begun(p, i).Succeed();
            }

            for (var c = 0; c < plan.Children.Count; c++)
            {
                var stageStart = sim.Now;
                if (plan.HasGatedEntries)
                {
                    var gate = lanes.Meet(i, c, GateMeeting);
                    if (++gate.Arrived == lanes.Lanes)
                    {
                        lanes.Forget(i, c, GateMeeting);
                        state.Gate(i, c).Succeed();
                    }
                }

                var child = plan.Children[c].Node;
                if (child is not DataMovementTileNode { IsSpatial: true } s)
                {
                    yield return sim.Call(Barrier(lanes, p, i, c, stageStart));

                    continue;
                }

                foreach (var e in plan.Entries)
                {
                    if (e.Consumer != c || !lanes.Layout.PerLane[e.Index])
                    {
                        continue;
                    }

                    var k = e.Ordinal[i];
                    var group = lanes.Layout.GroupOf[e.Index][p];
                    var ready = e.IsOutput ? lanes.OutReady(e.Index, k, p) : lanes.Ready(e.Index, k, group);
                    if (!ready.IsProcessed)
                    {
                        var asked = sim.Now;
                        yield return ready;
                        run.Stalls.Idle(me, StallRows.ReasonOf(e), asked);
                        if (run.Stalls.Waited(asked))
                        {
                            run.Stalls.Tile(me, plan.Node.Name, e, k, asked);
                        }
                    }

                    // A tile's iterations are consecutive, so at its last one this lane asks for its space or arrival the last time.
                    if (e.EndsAt(i))
                    {
                        if (e.IsOutput)
                        {
                            lanes.ForgetOutReady(e.Index, k, p);
                        }
                        else
                        {
                            lanes.PassedReady(e.Index, k, group, e.Groups[group].Length);
                        }
                    }
                }

                var span = lanes.Meet(i, c, SpanMeeting);
                span.First = Math.Min(span.First, stageStart);
                var bodyStart = sim.Now;
                span.BodyFirst = Math.Min(span.BodyFirst, bodyStart);
                // Every iteration runs the same bodies on the same binding: built once per invocation (re-enumerating an
                // iterator's enumerable starts a fresh run of it).
                var bodies = lanes.Bodies[c] ??= spatial.Bodies(s, state.Binding);
                if (run.Resident.Enabled || run.Prefetch.Enabled)
                {
                    movers.NoteTilesInUse(lanes, i, c, p);
                }

                yield return sim.Call(bodies[p]);

                // COMET costs one instance: the node's figure is the lanes' mean, its span the first start to the last end.
                span.BodyCycles += sim.Now - bodyStart;
                span.StageCycles += sim.Now - stageStart;
                if (++span.Left == lanes.Lanes)
                {
                    lanes.Forget(i, c, SpanMeeting);
                    run.Tallies.Of(s).Add(span.BodyFirst, sim.Now, span.BodyCycles / lanes.Lanes);
                    run.Tallies.StagesOf(s).Add(span.First, sim.Now, span.StageCycles / lanes.Lanes);
                }

                foreach (var e in plan.Entries)
                {
                    if (e.Consumer == c && lanes.Layout.PerLane[e.Index] && e.EndsAt(i))
                    {
                        movers.Done(lanes, e, e.Ordinal[i], p);
                    }
                }
            }
        }
    }

    /// <summary>A child run once for all lanes: the last lane to arrive waits for its tiles and runs it; the others wait for it to end.</summary>
    private IEnumerable<Event> Barrier(LaneRun lanes, int p, int i, int c, long stageStart)
    {
        // Run at once (Simulation.Call), so arriving here is arriving at the meeting.
        var child = lanes.State.Plan.Children[c].Node;
        var meeting = lanes.Meet(i, c, BarrierMeeting);
        meeting.First = Math.Min(meeting.First, stageStart);
        if (++meeting.Arrived < lanes.Lanes)
        {
            return (_spareWaits.TryPop(out var wait) ? wait : new BarrierWait(this, _spareWaits)).Prepare(lanes, p, i, child, meeting.Done, run.Sim.Now);
        }

        return LastAtBarrier(lanes, p, i, c, meeting);
    }

    // Barrier waits that are done, ready for the next lane to wait.
    private readonly RefStack<BarrierWait> _spareWaits = new();

    /// <summary>Notes a lane's wait at a barrier that began at <paramref name="asked"/>, once the last lane let it go.</summary>
    internal void Waited(LaneRun lanes, int p, int i, MappingNode child, long asked)
    {
        run.Stalls.Idle(lanes.LaneRefs[p], child is CollectiveOperationNode ? IdleReason.Collective : IdleReason.Binding, asked);
        if (run.Stalls.Waited(asked))
        {
            run.Stalls.Barrier(lanes.LaneRefs[p], lanes.State.Plan.Node.Name, i, child, asked);
        }
    }

    /// <summary>The last lane at a barrier: waits for the shared tiles, runs the child, then drains or releases them.</summary>
    private IEnumerable<Event> LastAtBarrier(LaneRun lanes, int p, int i, int c, LaneRun.Meeting meeting)
    {
        var sim = run.Sim;
        var state = lanes.State;
        var plan = state.Plan;
        var child = plan.Children[c].Node;
        lanes.Forget(i, c, BarrierMeeting);
        foreach (var e in plan.Entries)
        {
            if (e.Consumer != c || lanes.Layout.PerLane[e.Index])
            {
                continue;
            }

            var ready = state.Ready(e.Index, e.Ordinal[i]);
            if (!ready.IsProcessed)
            {
                var asked = sim.Now;
                yield return ready;
                run.Stalls.Idle(lanes.LaneRefs[p], StallRows.ReasonOf(e), asked);
                if (run.Stalls.Waited(asked))
                {
                    run.Stalls.Tile(lanes.LaneRefs[p], plan.Node.Name, e, e.Ordinal[i], asked);
                }
            }
        }

        yield return sim.Call(runNode(child, state.Binding));

        run.Tallies.StagesOf(child).Add(meeting.First, sim.Now);
        foreach (var e in plan.Entries)
        {
            if (e.Consumer != c || lanes.Layout.PerLane[e.Index] || !e.EndsAt(i))
            {
                continue;
            }

            if (e.IsOutput)
            {
                state.AddDrain(sim.Process(movers.DrainShared(state, e, e.Ordinal[i]), e.DrainName));
            }
            else
            {
                movers.ReleaseShared(state, e);
            }
        }

        meeting.Done.Succeed();
    }

    private LaneLayout? FindLayout(TemporalPlan plan)
    {
        if (plan.Operation is not null || plan.Children.Any(c => c.Binding is BindingKind.Pipeline or BindingKind.Parallel or BindingKind.Sharing))
        {
            return null;
        }

        var lanes = 0;
        foreach (var (_, node) in plan.Children)
        {
            if (node is DataMovementTileNode { IsSpatial: true } s)
            {
                var (physical, fanOut) = spatial.Shape(s);
                if (physical != fanOut || physical < 2 || (lanes != 0 && lanes != physical))
                {
                    return null;
                }

                lanes = physical;
            }
        }

        if (lanes == 0)
        {
            return null;
        }

        var perLane = new bool[plan.Entries.Length];
        var groupOf = new int[plan.Entries.Length][];
        var place = new int[plan.Entries.Length][];
        var laneLevels = new HashSet<int>();
        foreach (var e in plan.Entries)
        {
            var consumerIsSpatial = plan.Children[e.Consumer].Node is DataMovementTileNode { IsSpatial: true };
            if (!consumerIsSpatial)
            {
                continue;
            }

            if (e.FanOut != lanes || e.ToCompute)
            {
                return null;
            }

            perLane[e.Index] = true;
            laneLevels.Add(e.Entry.ChildLevelId);
            groupOf[e.Index] = new int[lanes];
            place[e.Index] = new int[lanes];
            for (var g = 0; g < e.Groups.Length; g++)
            {
                for (var k = 0; k < e.Groups[g].Length; k++)
                {
                    groupOf[e.Index][e.Groups[g][k]] = g;
                    place[e.Index][e.Groups[g][k]] = k;
                }
            }
        }

        // A tile for a child run once for all lanes must not share a buffer with the lanes' own tiles: its mover takes
        // space in its own order, and the two orders could block each other.
        return plan.Entries.Any(e => !perLane[e.Index] && laneLevels.Contains(e.Entry.ChildLevelId)) ? null : new LaneLayout(lanes, perLane, groupOf, place);
    }
}
