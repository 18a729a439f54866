using Comet.Sim;

namespace Comet.Workloads.Execution;

/// <summary>The state of one invocation of a leaf node: per operand, tiles filled, released and drained, and who sleeps on what.</summary>
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
        Slots = Math.Max(1, slots);
        var n = plan.Entries.Length;
        Filled = new int[n];
        Released = new int[n];
        Queued = new int[n];
        Drained = new int[n];
        _moverWake = new Event?[n];
        _drainerWake = new Event?[n];
    }

    /// <summary>The leaf's plan.</summary>
    public TemporalPlan Plan { get; }

    /// <summary>The instances this invocation runs on.</summary>
    public LevelBinding Binding { get; }

    /// <summary>Operand slots per entry.</summary>
    public int Slots { get; }

    /// <summary>Per input entry, tiles resident so far.</summary>
    public int[] Filled { get; }

    /// <summary>Per input entry, tiles the engine is done with.</summary>
    public int[] Released { get; }

    /// <summary>Per output entry, finished tiles handed to the drainer.</summary>
    public int[] Queued { get; }

    /// <summary>Per output entry, tiles written back.</summary>
    public int[] Drained { get; }

    /// <summary>True once the compute loop has finished (drainers stop when their queue is empty).</summary>
    public bool Closing { get; set; }

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
