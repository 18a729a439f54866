namespace Comet.Sim;

/// <summary>The urgent event that delivers <see cref="Process.Interrupt"/> to its target.</summary>
internal sealed class Interruption : Event
{
    public Interruption(Simulation simulation, Process target, object? cause)
        : base(simulation)
    {
        Target = target;
        Cause = cause;
        MarkTriggered();
    }

    /// <summary>The interrupted process.</summary>
    public Process Target { get; }

    /// <summary>What the interrupter passed.</summary>
    public object? Cause { get; }

    /// <inheritdoc />
    public override string Describe() => $"interrupt of process '{Target.Name}'";
}
