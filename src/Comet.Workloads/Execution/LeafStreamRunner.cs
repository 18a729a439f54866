using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Comet.Hardware.Components;
using Comet.Sim;

namespace Comet.Workloads.Execution;

/// <summary>Leaves that stream: an invocation holds its engine and operand ports and is scheduled locally (<see cref="LeafStream"/>), its setup computed once per leaf and instance set.</summary>
internal sealed class LeafStreamRunner(RunContext run, PortRouting ports)
{
    // Keyed by the plan's node index (one plan per node) and engine: a tuple of a class and an int hashes through shared generic code.
    // With the binding last found to match: a binding never changes once made and the lanes reuse theirs every
    // iteration, so the same binding object resolves to the same instances without resolving them again.
    private readonly Dictionary<(int Node, int Engine), (LeafStreamSite? Site, LevelBinding Binding)> _setups = [];

    // Every site ever built (one replaced in _setups still holds invocations to charge), in the order built.
    private readonly List<LeafStreamSite> _sites = [];

    /// <summary>The streaming site of <paramref name="plan"/> on the instances <paramref name="b"/> binds, or null when some entry needs the general move path (a network leg or a read-modify-write).</summary>
    public LeafStreamSite? Site(TemporalPlan plan, LevelBinding b)
    {
        // A binding never changes: the site its leaf ran on last time is the one it runs on now (no engine to resolve, no lookup).
        if (b.LeafSite is { } remembered && ReferenceEquals(remembered.Plan, plan))
        {
            return remembered.Site;
        }

        var site = Lookup(plan, b, run.Resolve(b, plan.ComputeLevel));
        if (site is not null)
        {
            b.LeafSite = (plan, site);
        }

        return site;
    }

    private LeafStreamSite? Lookup(TemporalPlan plan, LevelBinding b, int engine)
    {
        ref var known = ref CollectionsMarshal.GetValueRefOrNullRef(_setups, (plan.Node.Index, engine));
        if (!Unsafe.IsNullRef(ref known))
        {
            if (known.Site is null || ReferenceEquals(known.Binding, b))
            {
                return known.Site;
            }

            if (SameInstances(plan, b, known.Site.Setup.Instances))
            {
                known.Binding = b;
                return known.Site;
            }
        }

        var instances = new int[plan.Entries.Length * 2];
        foreach (var e in plan.Entries)
        {
            instances[2 * e.Index] = run.Resolve(b, e.Entry.TargetLevelId);
            instances[(2 * e.Index) + 1] = run.Resolve(b, e.Entry.ChildLevelId);
        }

        var setup = Build(plan, instances, engine);
        var site = setup is null ? null : new LeafStreamSite(plan, setup, LeafEngine.Of(run.Machine, plan, engine));
        if (site is not null)
        {
            _sites.Add(site);
        }

        _setups[(plan.Node.Index, engine)] = (site, b);
        return site;
    }

    /// <summary>Charges every site's finished invocations (call before the results are read; charging twice adds nothing).</summary>
    public void Charge()
    {
        foreach (var site in _sites)
        {
            site.Charge();
        }
    }

    /// <summary>One leaf invocation as a stream: acquire the engine and the operand ports (key order), hold them for the local schedule's length, release; the body is recycled once done.</summary>
    public IEnumerable<Event> Run(TemporalPlan plan, LeafStreamSite site) =>
        (_spareInvocations.TryPop(out var body) ? body : new LeafStreamInvocation(run, _spareInvocations)).Prepare(plan, site);

    // Invocation bodies that are done, ready for the next invocation.
    private readonly RefStack<LeafStreamInvocation> _spareInvocations = new();

    private bool SameInstances(TemporalPlan plan, LevelBinding b, int[] instances)
    {
        foreach (var e in plan.Entries)
        {
            if (instances[2 * e.Index] != run.Resolve(b, e.Entry.TargetLevelId) || instances[(2 * e.Index) + 1] != run.Resolve(b, e.Entry.ChildLevelId))
            {
                return false;
            }
        }

        return true;
    }

    private LeafStreamSetup? Build(TemporalPlan plan, int[] instances, int engine)
    {
        var uses = new PortUse[plan.Entries.Length][];
        foreach (var e in plan.Entries)
        {
            if (e.IsOutput && e.Entry.ReadModifyWrite)
            {
                return null;
            }

            var target = instances[2 * e.Index];
            var child = instances[(2 * e.Index) + 1];
            if (ports.OperandUse(e.Entry, target, child, e.BytesPerInstance, drain: e.IsOutput) is { } one)
            {
                uses[e.Index] = [one];
            }
            else if (ports.DirectPair(e.Entry, target, child, e.BytesPerInstance, drain: e.IsOutput) is { } pair)
            {
                uses[e.Index] = string.CompareOrdinal(pair.First.Pool.Key, pair.Second.Pool.Key) <= 0
                    ? [pair.First, pair.Second]
                    : [pair.Second, pair.First];
            }
            else
            {
                return null;
            }
        }

        return new LeafStreamSetup(plan, uses, instances, run.Options.OperandSlots, LeafEngine.Of(run.Machine, plan, engine).StepCycles);
    }

    /// <summary>One row per port (its first hold to its last, the tensors it carried, their bytes) and one compute row for the engine.</summary>
    public static void WriteRows(ITraceSink trace, TemporalPlan plan, LeafStreamSetup setup, long start, ComponentRef engineRef)
    {
        var schedule = setup.Schedule;
        for (var p = 0; p < setup.Pools.Length; p++)
        {
            if (schedule.PortFirst[p] < 0)
            {
                continue;
            }

            var owner = setup.Pools[p].Owner;
            trace.Write(new TraceRecord(start + schedule.PortFirst[p], start + schedule.PortLast[p], owner.Name, owner.Instance, setup.Activities[p], plan.Node.Name, setup.Tensors[p], 0, setup.Bytes[p], ""));
        }

        if (schedule.ComputeBusy > 0)
        {
            trace.Write(new TraceRecord(start + schedule.ComputeFirst, start + schedule.ComputeLast, engineRef.Name, engineRef.Instance, ActivityKind.Compute, plan.Operation!.OperationName, "", 0, 0, ""));
        }
    }
}
