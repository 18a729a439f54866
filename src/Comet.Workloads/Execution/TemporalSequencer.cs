using Comet.Hardware.Components;
using Comet.Sim;

namespace Comet.Workloads.Execution;

/// <summary>The mover side of a temporal node: walks the iterations in order, takes space for every tile that starts (buffer bytes, or an operand slot at an engine), fills inputs, and drains and releases tiles when their consumer is done with them.</summary>
/// <remarks>Taking space in one global iteration order is what keeps a tight buffer from deadlocking; running ahead is bounded by the space and by <see cref="ExecutionOptions.MaxRunAhead"/> iterations.</remarks>
internal sealed class TemporalSequencer(RunContext run, TileMover mover, TileSpace space)
{
    /// <summary>The process that takes space and launches the fills of one invocation, iteration by iteration.</summary>
    public IEnumerable<Event> Sequence(TemporalRun state)
    {
        var sim = run.Sim;
        var plan = state.Plan;
        var runAhead = run.Options.MaxRunAhead;
        for (var i = 0; i < plan.Iterations; i++)
        {
            if (i >= runAhead)
            {
                var begun = state.Begun(i - runAhead);
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
                var target = run.Resolve(state.Binding, e.Entry.TargetLevelId);

                // A tile kept from the previous invocation, moved from the same parent tile, is there already: no space, no move.
                bool[]? skip = null;
                List<Event>? fetched = null;
                TileVersion? version = null;
                var resident = run.Resident.Applies(e);
                if (resident)
                {
                    version = run.Resident.Current(e.Entry.TensorId, e.Entry.Tag, e.Entry.TargetLevelId, target);
                    state.FillVersion[e.Index] = version;
                    skip = new bool[e.Groups.Length];
                }

                var now = i == 0 && Prefetchable(e) ? run.Prefetch.Now(e.Entry.TensorId, e.Entry.Tag, e.Entry.TargetLevelId, target) : null;
                for (var g = 0; g < e.Groups.Length; g++)
                {
                    var group = e.Groups[g];
                    var dests = Destinations(state, e, group);

                    // A first tile the previous invocation's mover prefetched holds its space already; only its move's end is awaited.
                    if (now is not null && run.Prefetch.TryTake(plan.Node.Index, e.Index, g, dests[0], now) is { } early)
                    {
                        (skip ??= new bool[e.Groups.Length])[g] = true;
                        (fetched ??= []).Add(early);
                        continue;
                    }

                    var allKept = resident;
                    foreach (var d in dests)
                    {
                        if (resident && run.Resident.TryTake(plan.Node.Index, e.Index, g, d, version))
                        {
                            continue;
                        }

                        allKept = false;
                        if (state.Slots[e.Index] is { } slots)
                        {
                            var asked = sim.Now;
                            if (!slots.TryGet(1))
                            {
                                yield return slots.Get(1);
                            }

                            if (run.Stalls.Waited(asked))
                            {
                                run.Stalls.OperandFull(run.Machine.RefOf(e.Entry.ChildLevelId, d), plan.Node.Name, e.TensorName, k, e.BytesPerInstance, asked);
                            }
                        }
                        else if (!e.InPlace && run.Machine.Memory(e.Entry.ChildLevelId, d) is { Space: { } room } memory)
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

                    if (resident)
                    {
                        skip![g] = allKept;
                    }
                }

                if (e.IsOutput)
                {
                    state.Ready(e.Index, k).Succeed();
                }
                else if (skip is not null && Array.TrueForAll(skip, x => x) && fetched is null)
                {
                    state.Ready(e.Index, k).Succeed();
                }
                else
                {
                    sim.Process(Fill(state, e, k, i, skip, fetched, state.Ready(e.Index, k)), e.FillName);
                }
            }
        }

        if (run.Prefetch.Enabled)
        {
            var next = new List<(EntryPlan, int)>();
            foreach (var e in plan.Entries)
            {
                if (Prefetchable(e))
                {
                    for (var g = 0; g < e.Groups.Length; g++)
                    {
                        next.Add((e, g));
                    }
                }
            }

            yield return sim.Call(PrefetchNext(state, next));
        }
    }

    /// <summary>True when the first tile of <paramref name="e"/> may be prefetched by the previous invocation: an input moved into another buffer, not gated by a sibling of the same iteration.</summary>
    public bool Prefetchable(EntryPlan e) => run.Prefetch.Enabled && !e.IsOutput && !e.ToCompute && !e.Gated && !e.InPlace;

    /// <summary>The mover's last duty (<see cref="PrefetchMode.NextInvocation"/>): for each (entry, group) of <paramref name="groups"/> in order, fills the next invocation's first tile once the parent tile announced for it is in, taking its space only when it is free at that moment; stops at the first that does not fit, as a DMA engine issues in order.</summary>
    /// <param name="state">The invocation whose mover is done.</param>
    /// <param name="groups">The (entry, group) pairs to prefetch, in issue order.</param>
    /// <param name="perDestination">True when each destination's lane takes the tile on its own (free lanes); false when one mover takes a group's tile for all its destinations.</param>
    public IEnumerable<Event> PrefetchNext(TemporalRun state, List<(EntryPlan E, int Group)> groups, bool perDestination = false)
    {
        var plan = state.Plan;
        var planned = new List<(EntryPlan E, int[] Dests, int Target, TileFetch Fetch, Event Arrived)>();
        foreach (var (e, g) in groups)
        {
            var target = run.Resolve(state.Binding, e.Entry.TargetLevelId);
            if (!run.Prefetch.TryNext(plan.Node, e.Entry.TensorId, e.Entry.Tag, e.Entry.TargetLevelId, target, out var next, out var arrived)
                || (run.Resident.Applies(e) && state.FillVersion[e.Index] == next))
            {
                // No next invocation announced, or the tile stays for it (cross-invocation reuse).
                continue;
            }

            var dests = Destinations(state, e, g);
            planned.Add((e, dests, target, run.Prefetch.Plan(plan.Node.Index, e.Index, g, dests[0], next, perDestination ? dests.Length : 1), arrived));
        }

        for (var n = 0; n < planned.Count; n++)
        {
            var (e, dests, target, fetch, arrived) = planned[n];
            if (!arrived.IsProcessed)
            {
                yield return arrived;
            }

            var rooms = new List<Container>(dests.Length);
            foreach (var d in dests)
            {
                if (run.Machine.Memory(e.Entry.ChildLevelId, d).Space is { } room)
                {
                    rooms.Add(room);
                }
            }

            // Space is taken only when it is free with nobody waiting for it, so a prefetch never queues ahead of a
            // demand request; until then it waits for this invocation to give space back, and gives up when it ends.
            while (!fetch.Cancelled && !rooms.TrueForAll(r => r.GetQueueLength == 0 && r.Level >= e.BytesPerInstance) && !state.Ended)
            {
                yield return state.Released();
            }

            if (fetch.Cancelled || !rooms.TrueForAll(r => r.GetQueueLength == 0 && r.Level >= e.BytesPerInstance))
            {
                for (var m = n; m < planned.Count; m++)
                {
                    run.Prefetch.Drop(planned[m].Fetch);
                }

                yield break;
            }

            foreach (var room in rooms)
            {
                room.TryGet(e.BytesPerInstance);
            }

            var label = new ActivityLabel(plan.Node.Name, e.TensorName, 0);
            var done = run.Sim.Process(mover.Move(e.Entry, target, dests, e.BytesPerInstance, false, label), e.FillName);
            run.Prefetch.Issue(fetch, [.. rooms], e.BytesPerInstance, done);
        }
    }

    /// <summary>The process that writes tile <paramref name="ordinal"/> of output <paramref name="e"/> back to its target (every group, or only group <paramref name="only"/> when ≥ 0), then gives its space back; a recycled body, enumerated once.</summary>
    public IEnumerable<Event> Drain(TemporalRun state, EntryPlan e, int ordinal, int only = -1) =>
        (_spareDrains.TryPop(out var body) ? body : new TileDrain(this, _spareDrains)).Prepare(state, e, ordinal, only);

    // Drain and fill bodies that are done, ready for the next tile.
    private readonly RefStack<TileDrain> _spareDrains = new();
    private readonly RefStack<TileFill> _spareFills = new();

    /// <summary>The simulation the moves run in.</summary>
    internal Simulation Sim => run.Sim;

    /// <summary>Starts moving tile <paramref name="ordinal"/> of <paramref name="e"/> (to be run at once): every group not in <paramref name="skip"/>, or group <paramref name="only"/> alone when ≥ 0.</summary>
    internal IEnumerable<Event> MoveTile(TemporalRun state, EntryPlan e, int ordinal, bool drain, bool[]? skip, int only, bool spawn)
    {
        var label = new ActivityLabel(state.Plan.Node.Name, e.TensorName, ordinal);
        var target = run.Resolve(state.Binding, e.Entry.TargetLevelId);
        return MoveGroups(state, e, target, drain, label, skip, only, spawn);
    }

    /// <summary>Gives back the space (or operand slot) the current tile of <paramref name="e"/> holds at every destination (of group <paramref name="only"/> alone when ≥ 0), or keeps the tile for the next invocation (<paramref name="keep"/> and <see cref="ResidentTiles.Applies"/>).</summary>
    public void Release(TemporalRun state, EntryPlan e, bool keep = true, int only = -1)
    {
        keep = keep && run.Resident.Applies(e);
        for (var g = only < 0 ? 0 : only; g < (only < 0 ? e.Groups.Length : only + 1); g++)
        {
            foreach (var d in Destinations(state, e, g))
            {
                if (state.Slots[e.Index] is { } slots)
                {
                    TileSpace.Free(slots, 1);
                }
                else if (!e.InPlace && run.Machine.Memory(e.Entry.ChildLevelId, d).Space is { } room
                    && !(keep && run.Resident.Keep(state.Plan.Node.Index, e.Index, g, d, state.FillVersion[e.Index], room, e.BytesPerInstance)))
                {
                    TileSpace.Free(room, e.BytesPerInstance);
                }
            }
        }

        state.NoteReleased();
    }

    /// <summary>Notes, before child <paramref name="child"/> of iteration <paramref name="iteration"/> runs, which parent tile each of its input buffers holds (for cross-invocation reuse below it) and which the next iteration brings (for prefetch below it).</summary>
    public void NoteTilesInUse(TemporalRun state, int iteration, int child)
    {
        foreach (var e in state.Plan.Entries)
        {
            if (e.Consumer != child || e.IsOutput || e.ToCompute)
            {
                continue;
            }

            var version = new TileVersion(state, e.Index, e.Ordinal[iteration]);
            // The next tile and its arrival event, found without a delegate (this runs once per entry per tile step).
            var k = NextOrdinal(state, e, iteration);
            TileVersion? next = k < 0 ? null : new TileVersion(state, e.Index, k);
            var arrived = k < 0 ? null : state.Ready(e.Index, k);
            foreach (var group in e.Groups)
            {
                foreach (var d in Destinations(state, e, group))
                {
                    run.Resident.Use(e.Entry.TensorId, e.Entry.Tag, e.Entry.ChildLevelId, d, version);
                    run.Prefetch.Announce(state.Plan.Node.Index, e.Entry.TensorId, e.Entry.Tag, e.Entry.ChildLevelId, d, version, next, arrived);
                }
            }
        }
    }

    /// <summary>The ordinal of the tile of <paramref name="e"/> iteration <paramref name="iteration"/> + 1 uses, or −1 at the last iteration or without prefetch.</summary>
    public int NextOrdinal(TemporalRun state, EntryPlan e, int iteration) =>
        !run.Prefetch.Enabled || iteration + 1 >= state.Plan.Iterations ? -1 : e.Ordinal[iteration + 1];

    /// <summary>The fill of tile <paramref name="ordinal"/> of input <paramref name="e"/>: waits for its gate, moves the groups not in <paramref name="skip"/> (only group <paramref name="only"/> when ≥ 0), waits for the groups prefetched earlier (<paramref name="fetched"/>), then triggers <paramref name="ready"/>; <paramref name="spawn"/> runs even a single group's move as a process of its own (the shared mover of free lanes always has, and the order of a cycle's events depends on it).</summary>
    public IEnumerable<Event> Fill(TemporalRun state, EntryPlan e, int ordinal, int iteration, bool[]? skip, List<Event>? fetched, Event ready, int only = -1, bool spawn = false) =>
        (_spareFills.TryPop(out var body) ? body : new TileFill(this, _spareFills)).Prepare(state, e, ordinal, iteration, skip, fetched, ready, only, spawn);

    /// <summary>Moves the tile of every group (one per distinct tile) of <paramref name="e"/>, or of group <paramref name="only"/> alone when ≥ 0: one move, or concurrent moves for a scatter; run at once (<see cref="Simulation.Call"/>), so one move is that move's body itself.</summary>
    private IEnumerable<Event> MoveGroups(TemporalRun state, EntryPlan e, int target, bool drain, ActivityLabel label, bool[]? skip, int only, bool spawn = false) =>
        only >= 0 || (e.Groups.Length == 1 && !spawn)
            ? mover.MoveNow(e.Entry, target, Destinations(state, e, Math.Max(0, only)), e.BytesPerInstance, drain, label)
            : SpawnGroups(state, e, target, drain, label, skip);

    /// <summary>Moves the tile of every group not in <paramref name="skip"/>, each in a process of its own, and waits for them all.</summary>
    private IEnumerable<Event> SpawnGroups(TemporalRun state, EntryPlan e, int target, bool drain, ActivityLabel label, bool[]? skip)
    {
        // Groups whose tiles were kept from the previous invocation or prefetched are not moved.
        var moves = new List<Event>(e.Groups.Length);
        for (var g = 0; g < e.Groups.Length; g++)
        {
            if (skip is null || !skip[g])
            {
                moves.Add(run.Sim.Process(mover.Move(e.Entry, target, Destinations(state, e, g), e.BytesPerInstance, drain, label), "move"));
            }
        }

        yield return run.Sim.AllOf([.. moves]);
    }

    /// <summary>The physical instances tile group <paramref name="group"/> of <paramref name="e"/> goes to, computed once per invocation.</summary>
    public int[] Destinations(TemporalRun state, EntryPlan e, int[] group) => Destinations(state, e, Array.IndexOf(e.Groups, group));

    /// <summary>The global instances group <paramref name="g"/> of <paramref name="e"/> goes to (computed once per invocation).</summary>
    public int[] Destinations(TemporalRun state, EntryPlan e, int g)
    {
        var cache = state.Destinations[e.Index] ??= new int[e.Groups.Length][];
        return cache[g] ??= ComputeDestinations(state, e, e.Groups[g]);
    }

    private int[] ComputeDestinations(TemporalRun state, EntryPlan e, int[] group)
    {
        var result = new int[group.Length];
        if (e.FanOut <= 1)
        {
            result[0] = run.Resolve(state.Binding, e.Entry.ChildLevelId);
            return result;
        }

        // Logical instances folded onto one physical instance (a fan-out wider than the array) share its copy of a
        // tile: the physical buffer is written once and serves them in turn, so each physical destination appears once.
        var perParent = (int)Math.Max(1, run.Machine.Level(e.Entry.ChildLevelId).Instances);
        var target = run.Resolve(state.Binding, e.Entry.TargetLevelId);
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
}
