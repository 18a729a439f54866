namespace Comet.Sim;

/// <summary>A plain event the simulation recycles once it fired and the processes that awaited it resumed (<see cref="Simulation.Signal"/>), for one-shot wake-ups such as a transfer's doorbell.</summary>
/// <remarks>It describes itself as a plain event does, so a deadlock report reads the same whichever kind a process waits on.</remarks>
internal sealed class Signal : Event
{
    public Signal(Simulation simulation)
        : base(simulation)
    {
        Pooled = true;
    }

    /// <summary>Readies a fresh or recycled signal.</summary>
    public Signal Arm()
    {
        ResetForReuse();
        return this;
    }

    /// <inheritdoc />
    internal override void Recycle() => Simulation.ReturnSignal(this);
}
