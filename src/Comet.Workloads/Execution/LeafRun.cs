using Comet.Sim;

namespace Comet.Workloads.Execution;

/// <summary>One invocation of a leaf run as per-tile processes: the rules it follows and who sleeps on what.</summary>
/// <remarks>
/// A leaf streams operands into an engine with a fixed number of slots per operand, so one long-lived mover per
/// input and one drainer per output suffice; they and the compute loop wake each other only when one actually waits.
/// </remarks>
public sealed class LeafRun
{
    private readonly Simulation _sim;
    private readonly Event?[] _moverWake;
    private readonly Event?[] _drainerWake;
    private Event? _consumerWake;

    /// <summary>Creates the state of one invocation of <paramref name="plan"/>.</summary>
    public LeafRun(Simulation sim, TemporalPlan plan, LevelBinding binding, int slots)
    {
        _sim = sim;
        Plan = plan;
        Binding = binding;
        Rules = LeafRules.Of(plan, slots);
        _moverWake = new Event?[plan.Entries.Length];
        _drainerWake = new Event?[plan.Entries.Length];
    }

    /// <summary>The leaf's plan.</summary>
    public TemporalPlan Plan { get; }

    /// <summary>The instances this invocation runs on.</summary>
    public LevelBinding Binding { get; }

    /// <summary>What the movers, the compute loop and the drainers may do next.</summary>
    public LeafRules Rules { get; }

    /// <summary>An event the compute loop sleeps on until a mover or drainer makes progress.</summary>
    public Event ConsumerSleep() => _consumerWake ??= _sim.Event();

    /// <summary>Wakes the compute loop if it sleeps.</summary>
    public void WakeConsumer()
    {
        var e = _consumerWake;
        _consumerWake = null;
        e?.Succeed();
    }

    /// <summary>An event the mover of <paramref name="entry"/> sleeps on until a slot frees.</summary>
    public Event MoverSleep(int entry) => _moverWake[entry] ??= _sim.Event();

    /// <summary>Wakes the mover of <paramref name="entry"/> if it sleeps.</summary>
    public void WakeMover(int entry)
    {
        var e = _moverWake[entry];
        _moverWake[entry] = null;
        e?.Succeed();
    }

    /// <summary>An event the drainer of <paramref name="entry"/> sleeps on until a tile is finished.</summary>
    public Event DrainerSleep(int entry) => _drainerWake[entry] ??= _sim.Event();

    /// <summary>Wakes the drainer of <paramref name="entry"/> if it sleeps.</summary>
    public void WakeDrainer(int entry)
    {
        var e = _drainerWake[entry];
        _drainerWake[entry] = null;
        e?.Succeed();
    }
}
