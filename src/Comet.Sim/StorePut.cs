namespace Comet.Sim;

/// <summary>A put into a <see cref="Store{T}"/>: fires once the item is in the store. Pooled: do not keep it after it fired.</summary>
/// <typeparam name="T">Item type.</typeparam>
public sealed class StorePut<T> : Event
{
    private T? _item;

    internal StorePut(Store<T> store)
        : base(store.Simulation)
    {
        Store = store;
        Pooled = true;
    }

    /// <summary>The store put into.</summary>
    public Store<T> Store { get; }

    /// <summary>True after <see cref="Cancel"/>.</summary>
    public bool Cancelled { get; internal set; }

    /// <inheritdoc />
    public override string Name => Store.Name;

    /// <inheritdoc />
    public override string Describe() => $"Store '{Store.Name}' Put";

    /// <summary>Withdraws the put if it still waits for room (e.g. after an interrupt); otherwise does nothing.</summary>
    public void Cancel()
    {
        if (!IsTriggered && !Cancelled)
            Store.Cancel(this);
    }

    /// <summary>Prepares a fresh or recycled put.</summary>
    internal void Arm(T item)
    {
        ResetForReuse();
        Cancelled = false;
        _item = item;
    }

    /// <summary>Hands the item to the store and forgets it.</summary>
    internal T TakeItem()
    {
        var item = _item!;
        _item = default;
        return item;
    }

    /// <inheritdoc />
    internal override void Recycle() => Store.Return(this);
}
