using Comet.Hardware.Components;
using Comet.Sim;

namespace Comet.Workloads.Execution;

/// <summary>A leaf invocation as kernel processes, arbitrated tile by tile with the rest of the machine: one mover per input, the compute loop, one drainer per output, following <see cref="LeafRules"/>.</summary>
internal sealed class LeafProcesses(RunContext run, TileMover mover)
{
    /// <summary>Runs one invocation of the leaf <paramref name="plan"/> on the instances <paramref name="b"/> binds.</summary>
    public IEnumerable<Event> Run(TemporalPlan plan, LevelBinding b)
    {
        var sim = run.Sim;
        var state = new LeafRun(sim, plan, b, run.Options.OperandSlots);
        var rules = state.Rules;
        var drainers = new List<Event>();
        foreach (var e in plan.Entries)
        {
            if (e.IsOutput)
            {
                drainers.Add(sim.Process(Drainer(state, e), e.DrainName));
            }
            else
            {
                sim.Process(Mover(state, e), e.FillName);
            }
        }

        var engine = LeafEngine.Of(run.Machine, plan, run.Resolve(b, plan.ComputeLevel));
        var engineRef = engine.Ref;
        var label = new ActivityLabel(plan.Operation!.OperationName, "", -1);
        Request? held = null;
        if (run.EnginesExclusive)
        {
            var asked = sim.Now;
            held = engine.Unit.Request();
            yield return held;
            if (run.Stalls.Waited(asked))
            {
                run.Stalls.Held(engineRef, plan.Node.Name, "", engine.BusyReason, asked);
            }
        }

        for (var i = 0; i < plan.Iterations; i++)
        {
            foreach (var e in plan.Entries)
            {
                var asked = sim.Now;
                while (rules.Blocks(e.Index, i))
                {
                    yield return state.ConsumerSleep();
                }

                if (run.Stalls.Waited(asked))
                {
                    run.Stalls.Operand(engineRef, plan.Node.Name, e, e.Ordinal[i], asked);
                }
            }

            yield return sim.Call(engine.Step(sim, label with { Tile = i }, held is not null));

            foreach (var e in plan.Entries)
            {
                if (!rules.Finish(e.Index, i))
                {
                    continue;
                }

                if (e.IsOutput)
                {
                    state.WakeDrainer(e.Index);
                }
                else
                {
                    state.WakeMover(e.Index);
                }
            }
        }

        held?.Dispose();
        rules.Close();
        foreach (var e in plan.Entries)
        {
            if (e.IsOutput)
            {
                state.WakeDrainer(e.Index);
            }
        }

        if (drainers.Count > 0)
        {
            yield return sim.AllOf(drainers);
        }
    }

    /// <summary>Fetches input <paramref name="e"/>'s tiles one after the other while it has a free slot.</summary>
    private IEnumerable<Event> Mover(LeafRun state, EntryPlan e)
    {
        var sim = run.Sim;
        var rules = state.Rules;
        var target = run.Resolve(state.Binding, e.Entry.TargetLevelId);
        var children = new[] { run.Resolve(state.Binding, e.Entry.ChildLevelId) };
        var label = new ActivityLabel(state.Plan.Node.Name, e.TensorName, 0);
        var single = mover.Ports.OperandUse(e.Entry, target, children[0], e.BytesPerInstance, drain: false);
        var pair = single is null ? mover.Ports.DirectPair(e.Entry, target, children[0], e.BytesPerInstance, drain: false) : null;
        var requester = run.Machine.RefOf(e.Entry.ChildLevelId, children[0]);
        for (var k = 0; rules.HasTile(e.Index, k); k++)
        {
            var asked = sim.Now;
            while (!rules.MayFetch(e.Index, k))
            {
                yield return state.MoverSleep(e.Index);
            }

            if (run.Stalls.Waited(asked))
            {
                run.Stalls.OperandFull(requester, state.Plan.Node.Name, e.TensorName, k, e.BytesPerInstance, asked);
            }

            yield return sim.Call(Transfer(single, pair, requester, label with { Tile = k }, e, target, children, drain: false));

            rules.Moved(e.Index, k);
            state.WakeConsumer();
        }
    }

    /// <summary>Writes output <paramref name="e"/>'s tiles back as the compute loop hands them over, until it closes.</summary>
    private IEnumerable<Event> Drainer(LeafRun state, EntryPlan e)
    {
        var rules = state.Rules;
        var target = run.Resolve(state.Binding, e.Entry.TargetLevelId);
        var children = new[] { run.Resolve(state.Binding, e.Entry.ChildLevelId) };
        var label = new ActivityLabel(state.Plan.Node.Name, e.TensorName, 0);
        var single = mover.Ports.OperandUse(e.Entry, target, children[0], e.BytesPerInstance, drain: true);
        var pair = e.Entry.ReadModifyWrite || single is not null ? null : mover.Ports.DirectPair(e.Entry, target, children[0], e.BytesPerInstance, drain: true);
        var requester = run.Machine.RefOf(e.Entry.ChildLevelId, children[0]);
        for (var k = 0; ; k++)
        {
            while (!rules.IsHandedOver(e.Index, k))
            {
                if (rules.Closing)
                {
                    yield break;
                }

                yield return state.DrainerSleep(e.Index);
            }

            yield return run.Sim.Call(Transfer(single, pair, requester, label with { Tile = k }, e, target, children, drain: true));

            rules.Moved(e.Index, k);
            state.WakeConsumer();
        }
    }

    /// <summary>One operand move, run at once (<see cref="Simulation.Call"/>): through the buffer port alone, through a direct pair of ports, or the general path.</summary>
    private IEnumerable<Event> Transfer(PortUse? single, (PortUse First, PortUse Second)? pair, ComponentRef requester, ActivityLabel label, EntryPlan e, int target, int[] children, bool drain) =>
        single is { } one
            ? DataTransfer.RunSingle(run.Sim, requester, label, one)
            : pair is { } p
            ? DataTransfer.RunPair(run.Sim, requester, label, p.First, p.Second)
            : mover.MoveNow(e.Entry, target, children, e.BytesPerInstance, drain, label, counted: false);
}
