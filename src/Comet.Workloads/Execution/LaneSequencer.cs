using Comet.Hardware.Components;
using Comet.Sim;

namespace Comet.Workloads.Execution;

/// <summary>The mover side of a temporal node whose instances run free: one mover per lane takes that lane's space in iteration order, a group's fill starts when every destination of the group has its space, and a group's drain when every lane of the group is done with the tile.</summary>
/// <remarks>
/// Each lane's mover takes space in its own buffer in the loop's order (the order its consumer frees it), so a lane
/// never waits on another's buffer; lanes meet only where one transfer serves several of them (a multicast needs
/// space in all its destinations) and at children that run once for all of them. Tiles those children use (shared
/// entries) have one mover of their own, in iteration order, as in the lock-step sequencer.
/// </remarks>
internal sealed class LaneSequencer(RunContext run, TemporalSequencer sequencer, TileSpace space)
{
    /// <summary>The mover of lane <paramref name="p"/>: its space for every per-lane tile, in iteration order, and the fills whose last destination it completes.</summary>
    public IEnumerable<Event> SequenceLane(LaneRun lanes, int p)
    {
        var sim = run.Sim;
        var state = lanes.State;
        var plan = state.Plan;
        var layout = lanes.Layout;
        var runAhead = run.Options.MaxRunAhead;
        for (var i = 0; i < plan.Iterations; i++)
        {
            if (i >= runAhead)
            {
                var begun = lanes.Begun(p, i - runAhead);
                if (!begun.IsProcessed)
                {
                    yield return begun;
                }

                // The lane triggered it once; this mover is the only other one to ask for it, except on lane 0.
                if (p > 0)
                {
                    lanes.ForgetBegun(p, i - runAhead);
                }
            }

            foreach (var e in plan.Entries)
            {
                if (!layout.PerLane[e.Index] || !e.StartsAt(i))
                {
                    continue;
                }

                var k = e.Ordinal[i];
                var g = layout.GroupOf[e.Index][p];
                var dests = sequencer.Destinations(state, e, g);
                var d = dests[layout.Place[e.Index][p]];

                // A first tile the previous invocation's mover prefetched holds its space already; only its move's end is awaited.
                // (A multicast group's tile is taken by each of its lanes; the last one waits for the move with them all.)
                if (i == 0 && sequencer.Prefetchable(e)
                    && run.Prefetch.TryTake(plan.Node.Index, e.Index, g, dests[0], run.Prefetch.Now(e.Entry.TensorId, e.Entry.Tag, e.Entry.TargetLevelId, run.Resolve(state.Binding, e.Entry.TargetLevelId))) is { } early)
                {
                    if (lanes.Count(e.Index, k, g, dests.Length))
                    {
                        sim.Process(sequencer.Fill(state, e, k, i, [true], [early], lanes.Ready(e.Index, k, g)), e.FillName);
                    }

                    continue;
                }

                // A tile kept from the previous invocation, moved from the same parent tile, is there already: no space, no move.
                var kept = false;
                if (run.Resident.Applies(e))
                {
                    var version = run.Resident.Current(e.Entry.TensorId, e.Entry.Tag, e.Entry.TargetLevelId, run.Resolve(state.Binding, e.Entry.TargetLevelId));
                    state.FillVersion[e.Index] = version;
                    kept = run.Resident.TryTake(plan.Node.Index, e.Index, g, d, version);
                }

                if (!kept && !e.InPlace && run.Machine.Memory(e.Entry.ChildLevelId, d) is { Space: { } room } memory)
                {
                    var label = new ActivityLabel(plan.Node.Name, e.TensorName, k);
                    var asked = sim.Now;
                    var get = space.Ask(memory, room, e.BytesPerInstance, label);
                    if (!get.IsProcessed)
                    {
                        yield return get;
                    }

                    space.Stall(memory, e.BytesPerInstance, label, asked);
                }

                if (e.IsOutput)
                {
                    lanes.OutReady(e.Index, k, p).Succeed();
                }
                else
                {
                    var keptHere = lanes.CountKept(e.Index, k, g, kept);
                    if (lanes.Count(e.Index, k, g, dests.Length))
                    {
                        if (keptHere == dests.Length)
                        {
                            lanes.Ready(e.Index, k, g).Succeed();
                        }
                        else
                        {
                            sim.Process(sequencer.Fill(state, e, k, i, null, null, lanes.Ready(e.Index, k, g), g), e.FillName);
                        }
                    }
                }
            }
        }

        if (run.Prefetch.Enabled)
        {
            // This lane's own first tiles of the next invocation; a multicast group's, by the last of its lanes to get here.
            var next = new List<(EntryPlan, int)>();
            foreach (var e in plan.Entries)
            {
                var g = layout.PerLane[e.Index] ? layout.GroupOf[e.Index][p] : -1;
                if (g >= 0 && sequencer.Prefetchable(e) && lanes.MoverDone(e.Index, g, sequencer.Destinations(state, e, g).Length))
                {
                    next.Add((e, g));
                }
            }

            yield return sim.Call(sequencer.PrefetchNext(state, next, perDestination: true));
        }
    }

    /// <summary>The mover of the tiles that children run once for all lanes use: space at their destinations and their fills, in iteration order.</summary>
    public IEnumerable<Event> SequenceShared(LaneRun lanes)
    {
        var sim = run.Sim;
        var state = lanes.State;
        var plan = state.Plan;
        var runAhead = run.Options.MaxRunAhead;
        for (var i = 0; i < plan.Iterations; i++)
        {
            if (i >= runAhead)
            {
                var begun = lanes.Begun(0, i - runAhead);
                if (!begun.IsProcessed)
                {
                    yield return begun;
                }
            }

            foreach (var e in plan.Entries)
            {
                if (lanes.Layout.PerLane[e.Index] || !e.StartsAt(i))
                {
                    continue;
                }

                var k = e.Ordinal[i];
                var label = new ActivityLabel(plan.Node.Name, e.TensorName, k);
                foreach (var group in e.Groups)
                {
                    foreach (var d in sequencer.Destinations(state, e, group))
                    {
                        if (!e.InPlace && run.Machine.Memory(e.Entry.ChildLevelId, d) is { Space: { } room } memory)
                        {
                            var asked = sim.Now;
                            var get = space.Ask(memory, room, e.BytesPerInstance, label);
                            if (!get.IsProcessed)
                            {
                                yield return get;
                            }

                            space.Stall(memory, e.BytesPerInstance, label, asked);
                        }
                    }
                }

                if (e.IsOutput)
                {
                    state.Ready(e.Index, k).Succeed();
                }
                else
                {
                    sim.Process(sequencer.Fill(state, e, k, i, null, null, state.Ready(e.Index, k), spawn: true), e.FillName);
                }
            }
        }
    }

    /// <summary>Lane <paramref name="p"/> is done with tile <paramref name="ordinal"/> of per-lane entry <paramref name="e"/>: an input gives its space back, an output's group drains once its last lane is done.</summary>
    public void Done(LaneRun lanes, EntryPlan e, int ordinal, int p)
    {
        var state = lanes.State;
        var g = lanes.Layout.GroupOf[e.Index][p];
        var dests = sequencer.Destinations(state, e, g);
        if (!e.IsOutput)
        {
            var d = dests[lanes.Layout.Place[e.Index][p]];
            if (!e.InPlace && run.Machine.Memory(e.Entry.ChildLevelId, d).Space is { } room
                && !(run.Resident.Applies(e) && run.Resident.Keep(state.Plan.Node.Index, e.Index, g, d, state.FillVersion[e.Index], room, e.BytesPerInstance)))
            {
                TileSpace.Free(room, e.BytesPerInstance);
            }

            state.NoteReleased();
            return;
        }

        if (lanes.CountDone(e.Index, ordinal, g, dests.Length))
        {
            state.AddDrain(run.Sim.Process(sequencer.Drain(state, e, ordinal, g), e.DrainName));
        }
    }

    /// <summary>Drains tile <paramref name="ordinal"/> of a shared output <paramref name="e"/> and gives its space back.</summary>
    public IEnumerable<Event> DrainShared(TemporalRun state, EntryPlan e, int ordinal) => sequencer.Drain(state, e, ordinal);

    /// <summary>Gives back the space a shared input's current tile holds.</summary>
    public void ReleaseShared(TemporalRun state, EntryPlan e) => sequencer.Release(state, e, keep: false);

    /// <summary>Notes, before lane <paramref name="p"/> runs child <paramref name="child"/> of iteration <paramref name="iteration"/>, which parent tile each of its input buffers holds now and next.</summary>
    public void NoteTilesInUse(LaneRun lanes, int iteration, int child, int p)
    {
        var state = lanes.State;
        foreach (var e in state.Plan.Entries)
        {
            if (e.Consumer != child || e.IsOutput || !lanes.Layout.PerLane[e.Index])
            {
                continue;
            }

            var g = lanes.Layout.GroupOf[e.Index][p];
            var d = sequencer.Destinations(state, e, g)[lanes.Layout.Place[e.Index][p]];
            var version = new TileVersion(state, e.Index, e.Ordinal[iteration]);
            var k = sequencer.NextOrdinal(state, e, iteration);
            TileVersion? next = k < 0 ? null : new TileVersion(state, e.Index, k);
            var arrived = k < 0 ? null : lanes.Ready(e.Index, k, g);
            run.Resident.Use(e.Entry.TensorId, e.Entry.Tag, e.Entry.ChildLevelId, d, version);
            run.Prefetch.Announce(state.Plan.Node.Index, e.Entry.TensorId, e.Entry.Tag, e.Entry.ChildLevelId, d, version, next, arrived);
        }
    }
}
