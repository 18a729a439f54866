namespace Comet.Sim;

/// <summary>A get from a <see cref="Store{T}"/>: fires with the oldest item in <see cref="Item"/>. Pooled: read the item when resumed, do not keep the event.</summary>
/// <typeparam name="T">Item type.</typeparam>
public sealed class StoreGet<T> : Event
{
    private T? _item;

    internal StoreGet(Store<T> store)
        : base(store.Simulation)
    {
        Store = store;
        Pooled = true;
    }

    /// <summary>The store taken from.</summary>
    public Store<T> Store { get; }

    /// <summary>True after <see cref="Cancel"/>.</summary>
    public bool Cancelled { get; internal set; }

    /// <summary>The item taken; valid once the event has triggered.</summary>
    public T Item => IsTriggered ? _item! : throw new InvalidOperationException($"{Describe()} has not fired yet");

    /// <inheritdoc />
    public override string Name => Store.Name;

    /// <inheritdoc />
    public override string Describe() => $"Store '{Store.Name}' Get";

    /// <summary>Withdraws the get if it still waits for an item (e.g. after an interrupt); otherwise does nothing.</summary>
    public void Cancel()
    {
        if (!IsTriggered && !Cancelled)
            Store.Cancel(this);
    }

    /// <summary>Prepares a fresh or recycled get.</summary>
    internal void Arm()
    {
        ResetForReuse();
        Cancelled = false;
        _item = default;
    }

    /// <summary>Gives the item to this get and triggers it.</summary>
    internal void Deliver(T item)
    {
        _item = item;
        Trigger(true, null, NormalPriority);
    }

    /// <inheritdoc />
    internal override void Recycle()
    {
        _item = default;
        Store.Return(this);
    }
}
