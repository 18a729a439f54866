namespace Comet.Sim;

/// <summary>A level of some quantity (bytes in a buffer) between 0 and <see cref="Capacity"/>: Put(amount) waits for room, Get(amount) waits for content, each side strictly FIFO.</summary>
public sealed class Container
{
    private readonly Queue<ContainerRequest> _putters = new();
    private readonly Queue<ContainerRequest> _getters = new();
    private readonly RefStack<ContainerRequest> _free = new();
    private TimeWeightedMonitor? _levelMonitor;
    private int _cancelledPuts;
    private int _cancelledGets;

    /// <summary>Creates a container holding <paramref name="initialLevel"/> of at most <paramref name="capacity"/>.</summary>
    public Container(Simulation simulation, long capacity, long initialLevel = 0, string name = "container")
    {
        ArgumentNullException.ThrowIfNull(simulation);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        if (initialLevel < 0 || initialLevel > capacity)
            throw new ArgumentOutOfRangeException(nameof(initialLevel), $"initial level {initialLevel} outside [0, {capacity}]");
        Simulation = simulation;
        Capacity = capacity;
        Level = initialLevel;
        Name = name;
    }

    /// <summary>The simulation the container lives in.</summary>
    public Simulation Simulation { get; }

    /// <summary>Name used in diagnostics.</summary>
    public string Name { get; }

    /// <summary>Largest level.</summary>
    public long Capacity { get; }

    /// <summary>Amount held now.</summary>
    public long Level { get; private set; }

    /// <summary>Put operations waiting for room.</summary>
    public int PutQueueLength => _putters.Count - _cancelledPuts;

    /// <summary>Get operations waiting for content.</summary>
    public int GetQueueLength => _getters.Count - _cancelledGets;

    /// <summary>Optional monitor of <see cref="Level"/> over time; null costs nothing.</summary>
    public TimeWeightedMonitor? LevelMonitor
    {
        get => _levelMonitor;
        set
        {
            _levelMonitor = value;
            value?.Record(Simulation.Now, Level);
        }
    }

    /// <summary>Adds <paramref name="amount"/>; the returned event fires once there was room for all of it.</summary>
    public ContainerRequest Put(long amount) => Enqueue(amount, isPut: true);

    /// <summary>Removes <paramref name="amount"/>; the returned event fires once all of it was there.</summary>
    public ContainerRequest Get(long amount) => Enqueue(amount, isPut: false);

    /// <summary>Adds <paramref name="amount"/> at once when no put is waiting and it fits, with no event (nobody waits on a put that completes immediately); false otherwise, and nothing changes.</summary>
    public bool TryPut(long amount)
    {
        if (amount < 0 || PutQueueLength > 0 || Level + amount > Capacity)
            return false;
        Level += amount;
        _levelMonitor?.Record(Simulation.Now, Level);
        Balance();
        return true;
    }

    /// <summary>Removes <paramref name="amount"/> at once when no get is waiting and it is there, with no event; false otherwise, and nothing changes.</summary>
    public bool TryGet(long amount)
    {
        if (amount < 0 || GetQueueLength > 0 || Level < amount)
            return false;
        Level -= amount;
        _levelMonitor?.Record(Simulation.Now, Level);
        Balance();
        return true;
    }

    /// <summary>Withdraws a waiting operation; it will never fire.</summary>
    internal void Cancel(ContainerRequest request)
    {
        request.Cancelled = true;
        if (request.IsPut)
            _cancelledPuts++;
        else
            _cancelledGets++;
    }

    /// <summary>Takes back a fired operation.</summary>
    internal void Return(ContainerRequest request) => _free.Push(request);

    private ContainerRequest Enqueue(long amount, bool isPut)
    {
        if (amount < 0 || amount > Capacity)
            throw new ArgumentOutOfRangeException(nameof(amount), $"amount {amount} outside [0, {Capacity}] of container '{Name}'");
        if (!_free.TryPop(out var request))
            request = new ContainerRequest(this);
        request.Arm(amount, isPut);
        (isPut ? _putters : _getters).Enqueue(request);
        Balance();
        return request;
    }

    private void Balance()
    {
        var changed = false;
        bool progress;
        do
        {
            progress = false;
            // Strict FIFO per side: a large head operation blocks smaller ones behind it, as a real buffer port would.
            while (_putters.TryPeek(out var put) && (put.Cancelled || Level + put.Amount <= Capacity))
            {
                _putters.Dequeue();
                if (put.Cancelled)
                {
                    _cancelledPuts--;
                    continue;
                }
                Level += put.Amount;
                put.Trigger(true, null, Event.NormalPriority);
                progress = changed = true;
            }
            while (_getters.TryPeek(out var get) && (get.Cancelled || Level >= get.Amount))
            {
                _getters.Dequeue();
                if (get.Cancelled)
                {
                    _cancelledGets--;
                    continue;
                }
                Level -= get.Amount;
                get.Trigger(true, null, Event.NormalPriority);
                progress = changed = true;
            }
        }
        while (progress);
        if (changed)
            _levelMonitor?.Record(Simulation.Now, Level);
    }
}
