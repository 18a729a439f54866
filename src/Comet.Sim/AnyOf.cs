namespace Comet.Sim;

/// <summary>An event that fires as soon as one of its events is processed, with that event as its value (and its failure, if it failed).</summary>
public sealed class AnyOf : Event
{
    private readonly IReadOnlyList<Event> _events;

    internal AnyOf(Simulation simulation, IReadOnlyList<Event> events)
        : base(simulation)
    {
        ArgumentNullException.ThrowIfNull(events);
        _events = events;
        foreach (var e in events)
        {
            ArgumentNullException.ThrowIfNull(e, nameof(events));
            if (!ReferenceEquals(e.Simulation, simulation))
                throw new ArgumentException("all events must belong to the same simulation", nameof(events));
        }
        foreach (var e in events)
        {
            if (e.IsProcessed)
            {
                Settle(e);
                return;
            }
        }
        if (events.Count == 0)
        {
            Trigger(true, null, NormalPriority);
            return;
        }
        foreach (var e in events)
            e.AddWaiter(this);
    }

    /// <summary>The events this condition watches.</summary>
    public IReadOnlyList<Event> Events => _events;

    /// <summary>The first of <see cref="Events"/> to be processed, once there is one.</summary>
    public Event? FirstEvent { get; private set; }

    /// <inheritdoc />
    public override string Name => "AnyOf";

    /// <inheritdoc />
    public override string Describe() =>
        $"AnyOf({_events.Count} events: {string.Join("; ", _events.Select(e => e.Describe()))})";

    /// <inheritdoc />
    internal override void Notify(Event source)
    {
        if (IsTriggered)
            return;
        Settle(source);
        foreach (var e in _events)
        {
            if (!e.IsProcessed)
                e.RemoveWaiter(this);
        }
    }

    private void Settle(Event first)
    {
        FirstEvent = first;
        if (first.IsOk)
            Trigger(true, first, NormalPriority);
        else
            Trigger(false, first.Exception, NormalPriority);
    }
}
