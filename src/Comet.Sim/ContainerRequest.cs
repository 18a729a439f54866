namespace Comet.Sim;

/// <summary>A put into or get from a <see cref="Container"/>: fires once the amount was moved. Pooled: do not keep it after it fired.</summary>
public sealed class ContainerRequest : Event
{
    internal ContainerRequest(Container container)
        : base(container.Simulation)
    {
        Container = container;
        Pooled = true;
    }

    /// <summary>The container operated on.</summary>
    public Container Container { get; }

    /// <summary>Amount to add or remove.</summary>
    public long Amount { get; private set; }

    /// <summary>True for Put, false for Get.</summary>
    public bool IsPut { get; private set; }

    /// <summary>True after <see cref="Cancel"/>.</summary>
    public bool Cancelled { get; internal set; }

    /// <inheritdoc />
    public override string Name => Container.Name;

    /// <inheritdoc />
    public override string Describe() => $"Container '{Container.Name}' {(IsPut ? "Put" : "Get")}({Amount})";

    /// <summary>Withdraws the operation if it still waits (e.g. after an interrupt); otherwise does nothing.</summary>
    public void Cancel()
    {
        if (!IsTriggered && !Cancelled)
            Container.Cancel(this);
    }

    /// <summary>Prepares a fresh or recycled operation.</summary>
    internal void Arm(long amount, bool isPut)
    {
        ResetForReuse();
        Cancelled = false;
        Amount = amount;
        IsPut = isPut;
    }

    /// <inheritdoc />
    internal override void Recycle() => Container.Return(this);
}
