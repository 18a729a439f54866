using Comet.Hardware.Energy;
using Comet.Sim;

namespace Comet.Hardware.Components;

/// <summary>A SIMD unit: issues ⌈elements ÷ (lanes·reduction)⌉ passes of an operation, each the operation's latency.</summary>
public sealed class SimdUnit
{
    private readonly AccessAccount _energy;

    /// <summary>Creates instance <paramref name="instance"/> of the unit.</summary>
    public SimdUnit(Simulation sim, SimdParameters parameters, EnergyLedger ledger, int instance)
    {
        Parameters = parameters;
        Ref = new ComponentRef(parameters.Name, instance);
        Unit = new Resource(sim, 1, Ref.ToString());
        _energy = ledger.Open(parameters.Name, "compute", 0);
    }

    /// <summary>The unit's parameters.</summary>
    public SimdParameters Parameters { get; }

    /// <summary>The unit's trace identity.</summary>
    public ComponentRef Ref { get; }

    /// <summary>The unit itself, held while an operation runs.</summary>
    public Resource Unit { get; }

    /// <summary>The stall reason of work waiting for the unit: <c>engine_busy:Name[i]</c>.</summary>
    public string BusyReason => field ??= "engine_busy:" + Ref;

    /// <summary>Operations (passes) issued so far.</summary>
    public long Passes { get; private set; }

    /// <summary>Passes needed for <paramref name="elements"/> when <paramref name="reductionFactor"/> elements fold into one lane.</summary>
    public long PassesFor(long elements, long reductionFactor = 1) =>
        Cycles.CeilDiv(Math.Max(1, elements), Parameters.Lanes * Math.Max(1, reductionFactor));

    /// <summary>Cycles the unit is held for <paramref name="op"/> over <paramref name="elements"/>: latency × passes.</summary>
    public long OperationCycles(SimdOperation op, long elements, long reductionFactor = 1) =>
        Parameters.OpLatencyCycles(op) * PassesFor(elements, reductionFactor);

    /// <summary>A process that acquires the unit and runs <paramref name="count"/> operations of <paramref name="elements"/> each.</summary>
    public IEnumerable<Event> Execute(Simulation sim, ActivityLabel label, SimdOperation op, long elements, long reductionFactor = 1, long count = 1)
    {
        var asked = sim.Now;
        using var grant = Unit.Request();
        yield return grant;
        if (sim.Now > asked)
        {
            sim.Trace?.Write(new TraceRecord(asked, sim.Now, Ref.Name, Ref.Instance, ActivityKind.Stall, label.Operation, label.Tensor, label.Tile, 0, BusyReason));
        }

        yield return sim.Call(Hold(sim, label, op, elements, reductionFactor, count));
    }

    /// <summary>A process that runs <paramref name="count"/> operations on a unit the caller already holds.</summary>
    public IEnumerable<Event> Hold(Simulation sim, ActivityLabel label, SimdOperation op, long elements, long reductionFactor = 1, long count = 1)
    {
        var start = sim.Now;
        var passes = PassesFor(elements, reductionFactor) * count;
        var cycles = Parameters.OpLatencyCycles(op) * passes;
        if (cycles > 0)
        {
            yield return sim.Timeout(cycles);
        }

        RecordPasses(op, passes);
        sim.Trace?.Write(new TraceRecord(start, sim.Now, Ref.Name, Ref.Instance, ActivityKind.Compute, label.Operation, label.Tensor, label.Tile, 0, ""));
    }

    /// <summary>Counts <paramref name="count"/> operations of <paramref name="elements"/> each (and their energy) whose time the caller has already spent on the held unit.</summary>
    public void Record(SimdOperation op, long elements, long reductionFactor, long count) =>
        RecordPasses(op, PassesFor(elements, reductionFactor) * count);

    private void RecordPasses(SimdOperation op, long passes)
    {
        Passes += passes;
        _energy.Count(passes);
        _energy.AddPicojoules(passes * Parameters.PicojoulesPerLaneOp(op) * Parameters.Lanes);
    }

    /// <summary>Energy of the operations issued so far, pJ.</summary>
    public double EnergyPicojoules => _energy.Picojoules;
}
