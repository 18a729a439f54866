using Comet.Sim;

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
    private Request[]? _spareGrants;
    private Resource[]? _takes;

    /// <summary>The pool each of <see cref="Takes"/> belongs to, −1 for the engine.</summary>
    public int[] TakePools { get; } = TakeOrder(setup);

    /// <summary>What an invocation takes, in order: the engine, then the operand ports pool by pool in the setup's key order (as many of each as it takes), so an invocation walks one array instead of the setup's tables.</summary>
    public Resource[] Takes => _takes ??= [.. TakePools.Select(p => p < 0 ? engine.Unit : setup.Pools[p].Resource)];

    /// <summary>Cycles an invocation holds what it took: the local schedule's length.</summary>
    public long HoldCycles { get; } = setup.Schedule.End;

    /// <summary>How the leaf streams on these instances.</summary>
    public LeafStreamSetup Setup => setup;

    /// <summary>The engine instance the leaf runs on.</summary>
    public LeafEngine Engine => engine;

    /// <summary>An array for one invocation's grants (one per take): the spare one handed back by the last invocation, or a new one; one engine runs one invocation here at a time.</summary>
    public Request[] TakeGrants()
    {
        var grants = _spareGrants ?? new Request[Takes.Length];
        _spareGrants = null;
        return grants;
    }

    /// <summary>Hands back an invocation's grant array, cleared, as the spare.</summary>
    public void ReturnGrants(Request[] grants) => _spareGrants = grants;

    /// <summary>The stall reason of a wait for take <paramref name="take"/>, and the tensors it carries (none for the engine).</summary>
    public (string Tensors, string Reason) StallOf(int take) => TakePools[take] is var p and >= 0
        ? (setup.Tensors[p], setup.Pools[p].StallReason)
        : ("", engine.BusyReason);

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

    private static int[] TakeOrder(LeafStreamSetup setup)
    {
        var order = new List<int> { -1 };
        foreach (var p in setup.AcquireOrder)
        {
            for (var k = 0; k < setup.PortsTaken[p]; k++)
            {
                order.Add(p);
            }
        }

        return [.. order];
    }
}
