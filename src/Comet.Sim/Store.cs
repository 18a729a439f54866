namespace Comet.Sim;

/// <summary>A FIFO buffer of at most <see cref="Capacity"/> items: Put waits while it is full, Get waits while it is empty, both served first come, first served.</summary>
/// <typeparam name="T">Item type.</typeparam>
public sealed class Store<T>
{
    private readonly Queue<T> _items = new();
    private readonly Queue<StorePut<T>> _putters = new();
    private readonly Queue<StoreGet<T>> _getters = new();
    private readonly RefStack<StorePut<T>> _freePuts = new();
    private readonly RefStack<StoreGet<T>> _freeGets = new();
    private TimeWeightedMonitor? _countMonitor;
    private int _cancelledPuts;
    private int _cancelledGets;

    /// <summary>Creates an empty store holding at most <paramref name="capacity"/> items.</summary>
    public Store(Simulation simulation, int capacity = int.MaxValue, string name = "store")
    {
        ArgumentNullException.ThrowIfNull(simulation);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        Simulation = simulation;
        Capacity = capacity;
        Name = name;
    }

    /// <summary>The simulation the store lives in.</summary>
    public Simulation Simulation { get; }

    /// <summary>Name used in diagnostics.</summary>
    public string Name { get; }

    /// <summary>Most items the store holds.</summary>
    public int Capacity { get; }

    /// <summary>Items held now.</summary>
    public int Count => _items.Count;

    /// <summary>Put operations waiting for room.</summary>
    public int PutQueueLength => _putters.Count - _cancelledPuts;

    /// <summary>Get operations waiting for an item.</summary>
    public int GetQueueLength => _getters.Count - _cancelledGets;

    /// <summary>Optional monitor of <see cref="Count"/> over time; null costs nothing.</summary>
    public TimeWeightedMonitor? CountMonitor
    {
        get => _countMonitor;
        set
        {
            _countMonitor = value;
            value?.Record(Simulation.Now, Count);
        }
    }

    /// <summary>Offers <paramref name="item"/>; the returned event fires once the item is in the store.</summary>
    public StorePut<T> Put(T item)
    {
        if (!_freePuts.TryPop(out var put))
            put = new StorePut<T>(this);
        put.Arm(item);
        if (_putters.Count == 0 && _items.Count < Capacity)
        {
            // Fast path (room and nobody ahead): the same triggers, in the same order, as Balance would make.
            _items.Enqueue(item);
            put.TakeItem();
            put.Trigger(true, null, Event.NormalPriority);
            if (_getters.Count > 0)
                Balance();
            else
                _countMonitor?.Record(Simulation.Now, _items.Count);
            return put;
        }
        _putters.Enqueue(put);
        Balance();
        return put;
    }

    /// <summary>Asks for the oldest item; the returned event fires with it in <see cref="StoreGet{T}.Item"/>.</summary>
    public StoreGet<T> Get()
    {
        if (!_freeGets.TryPop(out var get))
            get = new StoreGet<T>(this);
        get.Arm();
        if (_getters.Count == 0 && _items.Count > 0)
        {
            get.Deliver(_items.Dequeue());
            if (_putters.Count > 0)
                Balance();
            else
                _countMonitor?.Record(Simulation.Now, _items.Count);
            return get;
        }
        _getters.Enqueue(get);
        Balance();
        return get;
    }

    /// <summary>Withdraws a waiting put; it will never fire.</summary>
    internal void Cancel(StorePut<T> put)
    {
        put.Cancelled = true;
        _cancelledPuts++;
    }

    /// <summary>Withdraws a waiting get; it will never fire.</summary>
    internal void Cancel(StoreGet<T> get)
    {
        get.Cancelled = true;
        _cancelledGets++;
    }

    /// <summary>Takes back a fired put.</summary>
    internal void Return(StorePut<T> put) => _freePuts.Push(put);

    /// <summary>Takes back a fired get.</summary>
    internal void Return(StoreGet<T> get) => _freeGets.Push(get);

    private void Balance()
    {
        var changed = false;
        bool progress;
        do
        {
            progress = false;
            while (_putters.Count > 0 && _items.Count < Capacity)
            {
                var put = _putters.Dequeue();
                if (put.Cancelled)
                {
                    _cancelledPuts--;
                    continue;
                }
                _items.Enqueue(put.TakeItem());
                put.Trigger(true, null, Event.NormalPriority);
                progress = changed = true;
            }
            while (_getters.Count > 0 && _items.Count > 0)
            {
                var get = _getters.Dequeue();
                if (get.Cancelled)
                {
                    _cancelledGets--;
                    continue;
                }
                get.Deliver(_items.Dequeue());
                progress = changed = true;
            }
        }
        while (progress);
        if (changed)
            _countMonitor?.Record(Simulation.Now, _items.Count);
    }
}
