namespace Comet.Sim;

/// <summary>The urgent event that runs a new process's body for the first time.</summary>
internal sealed class ProcessStart : Event
{
    private readonly Process _process;

    public ProcessStart(Simulation simulation, Process process)
        : base(simulation)
    {
        _process = process;
        MarkTriggered();
    }

    /// <inheritdoc />
    public override string Describe() => $"start of process '{_process.Name}'";
}
