using Comet.Hardware.Energy;
using Comet.Sim;

namespace Comet.Hardware.Components;

/// <summary>A GEMM engine: one resource held for the wavefront of every tile primitive it executes.</summary>
public abstract class GemmEngine
{
    private readonly AccessAccount _energy;

    /// <summary>Creates the engine's resource and energy account.</summary>
    protected GemmEngine(Simulation sim, string name, int instance, EnergyLedger ledger, double picojoulesPerUnit)
    {
        Ref = new ComponentRef(name, instance);
        Engine = new Resource(sim, 1, Ref.ToString());
        _energy = ledger.Open(name, "compute", picojoulesPerUnit);
    }

    /// <summary>The engine's trace identity.</summary>
    public ComponentRef Ref { get; }

    /// <summary>The engine itself, held while a primitive runs.</summary>
    public Resource Engine { get; }

    /// <summary>The stall reason of work waiting for the engine: <c>engine_busy:Name[i]</c>.</summary>
    public string BusyReason => field ??= "engine_busy:" + Ref;

    /// <summary>Primitives executed so far.</summary>
    public long Primitives { get; private set; }

    /// <summary>Cycles the engine is held for one primitive of shape <paramref name="primitive"/>.</summary>
    public abstract long PrimitiveCycles(GemmPrimitive primitive);

    /// <summary>Units charged for energy by one primitive (a primitive, or its MACs).</summary>
    protected abstract long EnergyUnits(GemmPrimitive primitive);

    /// <summary>A process that acquires the engine and runs <paramref name="count"/> primitives back to back.</summary>
    public IEnumerable<Event> Compute(Simulation sim, ActivityLabel label, GemmPrimitive primitive, long count = 1)
    {
        var asked = sim.Now;
        using var grant = Engine.Request();
        yield return grant;
        if (sim.Now > asked)
        {
            sim.Trace?.Write(new TraceRecord(asked, sim.Now, Ref.Name, Ref.Instance, ActivityKind.Stall, label.Operation, label.Tensor, label.Tile, 0, BusyReason));
        }

        var start = sim.Now;
        var cycles = PrimitiveCycles(primitive) * count;
        if (cycles > 0)
        {
            yield return sim.Timeout(cycles);
        }

        Primitives += count;
        _energy.Count(EnergyUnits(primitive) * count);
        sim.Trace?.Write(new TraceRecord(start, sim.Now, Ref.Name, Ref.Instance, ActivityKind.Compute, label.Operation, label.Tensor, label.Tile, 0, ""));
    }

    /// <summary>A process that runs <paramref name="count"/> primitives on an engine the caller already holds.</summary>
    public IEnumerable<Event> Hold(Simulation sim, ActivityLabel label, GemmPrimitive primitive, long count = 1)
    {
        var start = sim.Now;
        var cycles = PrimitiveCycles(primitive) * count;
        if (cycles > 0)
        {
            yield return sim.Timeout(cycles);
        }

        Record(primitive, count);
        sim.Trace?.Write(new TraceRecord(start, sim.Now, Ref.Name, Ref.Instance, ActivityKind.Compute, label.Operation, label.Tensor, label.Tile, 0, ""));
    }

    /// <summary>Counts <paramref name="count"/> primitives executed (and their energy) whose time the caller has already spent on the held engine.</summary>
    public void Record(GemmPrimitive primitive, long count)
    {
        Primitives += count;
        _energy.Count(EnergyUnits(primitive) * count);
    }

    /// <summary>Counts <paramref name="times"/> runs of <paramref name="count"/> primitives at once: the same primitives, units and accesses as that many calls of <see cref="Record(GemmPrimitive, long)"/>.</summary>
    public void Record(GemmPrimitive primitive, long count, long times)
    {
        // Integer sums, so one product equals the per-run sum whatever the order.
        Primitives += count * times;
        _energy.Count(EnergyUnits(primitive) * count, times);
    }
}
