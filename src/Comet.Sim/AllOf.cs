namespace Comet.Sim;

/// <summary>An event that succeeds once all of its events succeeded (value: the list of events), or fails with the first failure.</summary>
public sealed class AllOf : Event
{
    private readonly IReadOnlyList<Event> _events;
    private int _remaining;

    internal AllOf(Simulation simulation, IReadOnlyList<Event> events)
        : base(simulation)
    {
        ArgumentNullException.ThrowIfNull(events);
        _events = events;
        foreach (var e in events)
        {
            ArgumentNullException.ThrowIfNull(e, nameof(events));
            if (!ReferenceEquals(e.Simulation, simulation))
                throw new ArgumentException("all events must belong to the same simulation", nameof(events));
            if (e.IsProcessed)
            {
                if (!e.IsOk && !IsTriggered)
                    Trigger(false, e.Exception, NormalPriority);
                continue;
            }
            _remaining++;
        }
        if (IsTriggered)
            return;
        if (_remaining == 0)
        {
            Trigger(true, _events, NormalPriority);
            return;
        }
        foreach (var e in events)
        {
            if (!e.IsProcessed)
                e.AddWaiter(this);
        }
    }

    /// <summary>The events this condition waits for.</summary>
    public IReadOnlyList<Event> Events => _events;

    /// <inheritdoc />
    public override string Name => "AllOf";

    /// <inheritdoc />
    public override string Describe()
    {
        var pending = _events.Where(e => !e.IsProcessed).Select(e => e.Describe()).ToList();
        return $"AllOf({_events.Count} events, {pending.Count} outstanding: {string.Join("; ", pending)})";
    }

    /// <inheritdoc />
    internal override void Notify(Event source)
    {
        if (IsTriggered)
            return;
        if (!source.IsOk)
        {
            Trigger(false, source.Exception, NormalPriority);
            Detach();
            return;
        }
        if (--_remaining == 0)
            Trigger(true, _events, NormalPriority);
    }

    private void Detach()
    {
        foreach (var e in _events)
        {
            if (!e.IsProcessed)
                e.RemoveWaiter(this);
        }
    }
}
