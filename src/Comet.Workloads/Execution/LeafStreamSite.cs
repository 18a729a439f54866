namespace Comet.Workloads.Execution;

/// <summary>A streaming leaf on one engine and set of instances: its setup, its engine, and the invocations finished there whose bytes, port time and primitives are not yet charged.</summary>
/// <remarks>
/// Every invocation of a setup charges the same integers (bytes per entry per port use, busy cycles per port, the
/// engine's primitives), so counting invocations and charging them once before the results are read gives the same
/// totals as charging each one; only a SIMD unit's energy, a floating-point sum, is charged invocation by invocation.
/// </remarks>
internal sealed class LeafStreamSite(TemporalPlan plan, LeafStreamSetup setup, LeafEngine engine)
{
    private long _uncharged;

    /// <summary>How the leaf streams on these instances.</summary>
    public LeafStreamSetup Setup => setup;

    /// <summary>The engine instance the leaf runs on.</summary>
    public LeafEngine Engine => engine;

    /// <summary>Notes one finished invocation (a SIMD unit's passes are charged at once).</summary>
    public void Finished()
    {
        if (!engine.CountsOnlyIntegers)
        {
            engine.Record(plan.Iterations);
        }

        _uncharged++;
    }

    /// <summary>Charges the invocations finished since the last call: bytes every entry moved, the ports' busy time and the engine's primitives.</summary>
    public void Charge()
    {
        var n = _uncharged;
        if (n == 0)
        {
            return;
        }

        _uncharged = 0;
        foreach (var e in plan.Entries)
        {
            foreach (var u in setup.Uses[e.Index])
            {
                // One invocation counts u.Bytes e.Tiles times: Units += Bytes x Tiles, Accesses += Tiles.
                u.Account?.Count(u.Bytes, e.Tiles * n);
            }
        }

        for (var p = 0; p < setup.Pools.Length; p++)
        {
            setup.Pools[p].AddBusy(setup.Schedule.PortBusy[p] * n);
        }

        if (engine.CountsOnlyIntegers)
        {
            engine.Record(plan.Iterations, n);
        }
    }
}
