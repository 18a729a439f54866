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

                // A tile kept from the previous invocation, moved from the same parent tile, is there already: no space, no move.
                bool[]? kept = null;
                TileVersion? version = null;
                if (run.Resident.Applies(e))
                {
                    version = run.Resident.Current(e.Entry.TensorId, e.Entry.Tag, e.Entry.TargetLevelId, run.Resolve(state.Binding, e.Entry.TargetLevelId));
                    state.FillVersion[e.Index] = version;
                    kept = new bool[e.Groups.Length];
                }

                for (var g = 0; g < e.Groups.Length; g++)
                {
                    var group = e.Groups[g];
                    var allKept = kept is not null;
                    foreach (var d in Destinations(state, e, group))
                    {
                        if (kept is not null && run.Resident.TryTake(plan.Node.Index, e.Index, g, d, version))
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

                    if (kept is not null)
                    {
                        kept[g] = allKept;
                    }
                }

                if (e.IsOutput)
                {
                    state.Ready(e.Index, k).Succeed();
                }
                else if (kept is not null && Array.TrueForAll(kept, x => x))
                {
                    state.Ready(e.Index, k).Succeed();
                }
                else
                {
                    sim.Process(Fill(state, e, k, i, kept), e.FillName);
                }
            }
        }
    }

    /// <summary>The process that writes tile <paramref name="ordinal"/> of output <paramref name="e"/> back to its target, then gives its space back.</summary>
    public IEnumerable<Event> Drain(TemporalRun state, EntryPlan e, int ordinal)
    {
        var label = new ActivityLabel(state.Plan.Node.Name, e.TensorName, ordinal);
        var target = run.Resolve(state.Binding, e.Entry.TargetLevelId);
        foreach (var ev in MoveGroups(state, e, target, true, label))
        {
            yield return ev;
        }

        Release(state, e);
    }

    /// <summary>Gives back the space (or operand slot) the current tile of <paramref name="e"/> holds at every destination, or keeps the tile for the next invocation (<paramref name="keep"/> and <see cref="ResidentTiles.Applies"/>).</summary>
    public void Release(TemporalRun state, EntryPlan e, bool keep = true)
    {
        keep = keep && run.Resident.Applies(e);
        for (var g = 0; g < e.Groups.Length; g++)
        {
            foreach (var d in Destinations(state, e, e.Groups[g]))
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
    }

    /// <summary>Notes, before child <paramref name="child"/> of iteration <paramref name="iteration"/> runs, which parent tile each of its input buffers holds (for cross-invocation reuse below it).</summary>
    public void NoteTilesInUse(TemporalRun state, int iteration, int child)
    {
        foreach (var e in state.Plan.Entries)
        {
            if (e.Consumer != child || e.IsOutput || e.ToCompute)
            {
                continue;
            }

            var version = new TileVersion(state, e.Index, e.Ordinal[iteration]);
            foreach (var group in e.Groups)
            {
                foreach (var d in Destinations(state, e, group))
                {
                    run.Resident.Use(e.Entry.TensorId, e.Entry.Tag, e.Entry.ChildLevelId, d, version);
                }
            }
        }
    }

    private IEnumerable<Event> Fill(TemporalRun state, EntryPlan e, int ordinal, int iteration, bool[]? kept)
    {
        if (e.Gated)
        {
            var gate = state.Gate(iteration, e.Consumer);
            if (!gate.IsProcessed)
            {
                yield return gate;
            }
        }

        var label = new ActivityLabel(state.Plan.Node.Name, e.TensorName, ordinal);
        var target = run.Resolve(state.Binding, e.Entry.TargetLevelId);
        foreach (var ev in MoveGroups(state, e, target, false, label, kept))
        {
            yield return ev;
        }

        state.Ready(e.Index, ordinal).Succeed();
    }

    /// <summary>Moves the tile of every group (one per distinct tile) of <paramref name="e"/>: one move, or concurrent moves for a scatter.</summary>
    private IEnumerable<Event> MoveGroups(TemporalRun state, EntryPlan e, int target, bool drain, ActivityLabel label, bool[]? kept = null)
    {
        if (kept is not null && Array.IndexOf(kept, true) >= 0)
        {
            // Some groups' tiles were kept from the previous invocation: move only the others.
            var moves = new List<Event>();
            for (var g = 0; g < e.Groups.Length; g++)
            {
                if (!kept[g])
                {
                    moves.Add(run.Sim.Process(mover.Move(e.Entry, target, Destinations(state, e, e.Groups[g]), e.BytesPerInstance, drain, label), "move"));
                }
            }

            yield return run.Sim.AllOf(moves.ToArray());
            yield break;
        }

        if (e.Groups.Length == 1)
        {
            foreach (var ev in mover.Move(e.Entry, target, Destinations(state, e, e.Groups[0]), e.BytesPerInstance, drain, label))
            {
                yield return ev;
            }

            yield break;
        }

        var procs = new Event[e.Groups.Length];
        for (var g = 0; g < procs.Length; g++)
        {
            procs[g] = run.Sim.Process(mover.Move(e.Entry, target, Destinations(state, e, e.Groups[g]), e.BytesPerInstance, drain, label), "move");
        }

        yield return run.Sim.AllOf(procs);
    }

    /// <summary>The physical instances tile group <paramref name="group"/> of <paramref name="e"/> goes to, computed once per invocation.</summary>
    public int[] Destinations(TemporalRun state, EntryPlan e, int[] group)
    {
        var g = Array.IndexOf(e.Groups, group);
        var cache = state.Destinations[e.Index] ??= new int[e.Groups.Length][];
        return cache[g] ??= ComputeDestinations(state, e, group);
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
