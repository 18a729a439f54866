namespace Comet.Sim;

/// <summary>A plain event with a descriptive name; a separate type so that the many unnamed kernel events carry no name field.</summary>
internal sealed class NamedEvent : Event
{
    private readonly string _name;

    public NamedEvent(Simulation simulation, string name)
        : base(simulation)
    {
        ArgumentNullException.ThrowIfNull(name);
        _name = name;
    }

    /// <inheritdoc />
    public override string Name => _name;
}
