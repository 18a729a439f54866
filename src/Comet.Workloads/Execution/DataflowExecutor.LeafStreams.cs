using Comet.Hardware.Components;
using Comet.Sim;

namespace Comet.Workloads.Execution;

/// <content>Leaves that stream: the invocation holds its engine and operand ports and is scheduled locally (<see cref="LeafStream"/>).</content>
public sealed partial class DataflowExecutor
{
    private readonly Dictionary<(TemporalPlan Plan, int Engine), LeafStreamSetup?> _streams = [];

    /// <summary>The streaming setup of <paramref name="plan"/> on the instances <paramref name="b"/> binds, or null when some entry needs the general move path (a network leg or a read-modify-write).</summary>
    private LeafStreamSetup? StreamSetup(TemporalPlan plan, LevelBinding b, int engine)
    {
        if (_streams.TryGetValue((plan, engine), out var known) && (known is null || SameInstances(plan, b, known.Instances)))
        {
            return known;
        }

        var instances = new int[plan.Entries.Length * 2];
        foreach (var e in plan.Entries)
        {
            instances[2 * e.Index] = Resolve(b, e.Entry.TargetLevelId);
            instances[(2 * e.Index) + 1] = Resolve(b, e.Entry.ChildLevelId);
        }

        var setup = BuildStreamSetup(plan, instances, engine);
        _streams[(plan, engine)] = setup;
        return setup;
    }

    private bool SameInstances(TemporalPlan plan, LevelBinding b, int[] instances)
    {
        foreach (var e in plan.Entries)
        {
            if (instances[2 * e.Index] != Resolve(b, e.Entry.TargetLevelId) || instances[(2 * e.Index) + 1] != Resolve(b, e.Entry.ChildLevelId))
            {
                return false;
            }
        }

        return true;
    }

    private LeafStreamSetup? BuildStreamSetup(TemporalPlan plan, int[] instances, int engine)
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
            if (OperandUse(e.Entry, target, child, e.BytesPerInstance, drain: e.IsOutput) is { } one)
            {
                uses[e.Index] = [one];
            }
            else if (DirectPair(e.Entry, target, child, e.BytesPerInstance, drain: e.IsOutput) is { } pair)
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

        var computeCycles = plan.Primitive is not null
            ? Machine.Gemm(plan.ComputeLevel, engine).PrimitiveCycles(plan.Primitive) * plan.PrimitivesPerIteration
            : Machine.Simd(plan.ComputeLevel, engine).OperationCycles(plan.SimdOperation, plan.SimdElements, plan.SimdReduction) * plan.PrimitivesPerIteration;
        return new LeafStreamSetup(plan, uses, instances, _options.OperandSlots, computeCycles);
    }

    /// <summary>One leaf invocation as a stream: acquire the engine and the operand ports (key order), hold them for the local schedule's length, release.</summary>
    private IEnumerable<Event> RunLeafStream(TemporalPlan plan, int engine, LeafStreamSetup setup)
    {
        var engineRef = Machine.RefOf(plan.ComputeLevel, engine);
        var gemm = plan.Primitive is not null ? Machine.Gemm(plan.ComputeLevel, engine) : null;
        var simd = gemm is null ? Machine.Simd(plan.ComputeLevel, engine) : null;
        var trace = _sim.Trace;
        var grants = new Request[setup.Grants];
        var held = 0;
        try
        {
            var asked = _sim.Now;
            var atOnce = (gemm is not null ? gemm.Engine : simd!.Unit).TryRequest(out var unit);
            grants[held++] = unit;
            if (!atOnce)
            {
                yield return unit;
            }

            if (_sim.Now > asked)
            {
                trace?.Write(new TraceRecord(asked, _sim.Now, engineRef.Name, engineRef.Instance, ActivityKind.Stall, plan.Node.Name, "", -1, 0, gemm?.BusyReason ?? simd!.BusyReason));
            }

            foreach (var p in setup.AcquireOrder)
            {
                var pool = setup.Pools[p];
                for (var k = 0; k < setup.PortsTaken[p]; k++)
                {
                    asked = _sim.Now;
                    var portAtOnce = pool.Resource.TryRequest(out var grant);
                    grants[held++] = grant;
                    if (!portAtOnce)
                    {
                        yield return grant;
                    }

                    if (_sim.Now > asked)
                    {
                        trace?.Write(new TraceRecord(asked, _sim.Now, engineRef.Name, engineRef.Instance, ActivityKind.Stall, plan.Node.Name, setup.Tensors[p], -1, 0, pool.StallReason));
                    }
                }
            }

            var start = _sim.Now;
            var schedule = setup.Schedule;
            if (schedule.End > 0)
            {
                yield return _sim.Timeout(schedule.End);
            }

            Account(plan, setup, gemm, simd);
            if (trace is not null)
            {
                WriteStreamRows(trace, plan, setup, start, engineRef);
            }
        }
        finally
        {
            for (var i = 0; i < held; i++)
            {
                grants[i].Dispose();
            }
        }
    }

    /// <summary>Charges the bytes every entry moved, the ports' busy time and the primitives the engine ran.</summary>
    private static void Account(TemporalPlan plan, LeafStreamSetup setup, GemmEngine? gemm, SimdUnit? simd)
    {
        foreach (var e in plan.Entries)
        {
            foreach (var u in setup.Uses[e.Index])
            {
                u.Account?.Count(u.Bytes, e.Tiles);
            }
        }

        for (var p = 0; p < setup.Pools.Length; p++)
        {
            setup.Pools[p].AddBusy(setup.Schedule.PortBusy[p]);
        }

        var count = plan.PrimitivesPerIteration * plan.Iterations;
        if (gemm is not null)
        {
            gemm.Record(plan.Primitive!, count);
        }
        else
        {
            simd!.Record(plan.SimdOperation, plan.SimdElements, plan.SimdReduction, count);
        }
    }

    /// <summary>One row per port (its first hold to its last, the tensors it carried, their bytes) and one compute row for the engine.</summary>
    private static void WriteStreamRows(ITraceSink trace, TemporalPlan plan, LeafStreamSetup setup, long start, ComponentRef engineRef)
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
