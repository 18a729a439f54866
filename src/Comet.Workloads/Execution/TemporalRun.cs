using Comet.Sim;

namespace Comet.Workloads.Execution;

/// <summary>The state of one invocation of a temporal node on one set of instances: tile readiness, gates and slots.</summary>
public sealed class TemporalRun
{
    private readonly Simulation _sim;
    private readonly Event?[][] _ready;
    private readonly Dictionary<long, Event> _gates = [];
    // Drains in the list before finished ones are dropped from it (doubles with the drains still in flight).
    private const int MinDrainsToPrune = 64;
    private Event? _released;
    private int _pruneDrainsAt = MinDrainsToPrune;

    /// <summary>Creates the state of one invocation of <paramref name="plan"/>.</summary>
    public TemporalRun(Simulation sim, TemporalPlan plan, LevelBinding binding, int operandSlots)
    {
        _sim = sim;
        Plan = plan;
        Binding = binding;
        _ready = plan.Entries.Select(e => new Event?[e.Tiles]).ToArray();
        Slots = plan.Entries.Select(e => e.ToCompute ? new Container(sim, operandSlots, operandSlots, $"{plan.Node.Name}.{e.TensorName}.slots") : null).ToArray();
        Consumed = new Event?[plan.Iterations > 64 ? plan.Iterations : 0];
        Destinations = new int[]?[plan.Entries.Length][];
        FillVersion = new TileVersion?[plan.Entries.Length];
    }

    /// <summary>Per entry and tile group, the global instances the group's tile goes to (computed once per invocation).</summary>
    public int[]?[][] Destinations { get; }

    /// <summary>Per entry, the parent tile its current tile was moved from (kept tiles remember it, to be reused only from the same parent tile).</summary>
    public TileVersion?[] FillVersion { get; }

    /// <summary>The node's plan.</summary>
    public TemporalPlan Plan { get; }

    /// <summary>The instances this invocation works on.</summary>
    public LevelBinding Binding { get; }

    /// <summary>Operand slots per entry when the child is an engine (null for memories).</summary>
    public Container?[] Slots { get; }

    /// <summary>Per iteration, triggered when the consumer has begun the iteration (bounds how far movers run ahead).</summary>
    public Event?[] Consumed { get; }

    /// <summary>Drains still in flight (and some already done); the invocation ends when they are done.</summary>
    public List<Event> Drains { get; } = [];

    /// <summary>Adds a drain; those already done are dropped now and then, so a long invocation does not keep every finished drain process alive (the list is never emptied, and the end waits for the same drains).</summary>
    public void AddDrain(Event drain)
    {
        if (Drains.Count >= _pruneDrainsAt)
        {
            Drains.RemoveAll(static d => d.IsProcessed && d.IsOk);
            _pruneDrainsAt = Math.Max(MinDrainsToPrune, 2 * Drains.Count);
        }

        Drains.Add(drain);
    }

    /// <summary>The event triggered when tile <paramref name="ordinal"/> of entry <paramref name="entry"/> is resident (inputs) or has space (outputs).</summary>
    public Event Ready(int entry, int ordinal) => _ready[entry][ordinal] ??= _sim.Event();

    /// <summary>The event triggered when child <paramref name="child"/> of iteration <paramref name="iteration"/> is about to start.</summary>
    public Event Gate(int iteration, int child)
    {
        var key = ((long)iteration * 1024) + child;
        if (!_gates.TryGetValue(key, out var gate))
        {
            gate = _sim.Event();
            _gates[key] = gate;
        }

        return gate;
    }

    /// <summary>True once the invocation has ended (its consumer, and its drains, are done).</summary>
    public bool Ended { get; private set; }

    /// <summary>The event triggered the next time this invocation gives buffer space back, or when it ends (a prefetch waiting for room waits on it).</summary>
    public Event Released() => _released ??= _sim.Event();

    /// <summary>Notes that this invocation gave space back: wakes whoever waits on <see cref="Released"/>.</summary>
    public void NoteReleased()
    {
        if (_released is { } e)
        {
            _released = null;
            e.Succeed();
        }
    }

    /// <summary>Notes that the invocation has ended.</summary>
    public void End()
    {
        Ended = true;
        NoteReleased();
    }

    /// <summary>The event triggered when the consumer begins iteration <paramref name="iteration"/>.</summary>
    public Event Begun(int iteration) => Consumed[iteration] ??= _sim.Event();
}
