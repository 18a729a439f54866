namespace Comet.Sim;

/// <summary>The marker a process body yields to run another body to its end in its place (<see cref="Simulation.Call"/>); never scheduled.</summary>
/// <remarks>
/// One per simulation: a body yields it straight after <see cref="Simulation.Call"/> filled it, and the resuming process
/// takes the callee out in the same resumption (resumptions never nest), so one instance serves every call.
/// </remarks>
internal sealed class Subroutine : Event
{
    public Subroutine(Simulation simulation)
        : base(simulation)
    {
    }

    /// <summary>The body to run next, until the process takes it.</summary>
    public IEnumerable<Event>? Callee { get; set; }

    /// <inheritdoc />
    public override string Describe() => "call of a nested body";
}
