namespace Comet.Sim;

/// <summary>A server with <see cref="Capacity"/> identical units granted to requests in FIFO order.</summary>
public sealed class Resource
{
    // A ring of waiting requests; a request withdrawn while queued stays in the ring, marked released, and is skipped
    // when it reaches the head (fewer reference stores per request than a linked list).
    private readonly Queue<Request> _queue = new();
    // Spare requests, the most recently released one in its own field: most resources never hold more than one spare,
    // and a field of the resource is on a line already loaded, where the pool's array is one more to fetch.
    private readonly RefStack<Request> _free = new();
    private Request? _spare;
    private TimeWeightedMonitor? _inUseMonitor;
    private TimeWeightedMonitor? _queueMonitor;

    /// <summary>Creates a resource with <paramref name="capacity"/> units.</summary>
    public Resource(Simulation simulation, int capacity, string name = "resource")
    {
        ArgumentNullException.ThrowIfNull(simulation);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        Simulation = simulation;
        Capacity = capacity;
        Name = name;
    }

    /// <summary>The simulation the resource lives in.</summary>
    public Simulation Simulation { get; }

    /// <summary>Name used in diagnostics.</summary>
    public string Name { get; }

    /// <summary>Number of units.</summary>
    public int Capacity { get; }

    /// <summary>Units currently granted.</summary>
    public int InUse { get; private set; }

    /// <summary>Requests waiting for a unit.</summary>
    public int QueueLength { get; private set; }

    /// <summary>Optional monitor of <see cref="InUse"/> over time; null costs nothing.</summary>
    public TimeWeightedMonitor? InUseMonitor
    {
        get => _inUseMonitor;
        set
        {
            _inUseMonitor = value;
            value?.Record(Simulation.Now, InUse);
        }
    }

    /// <summary>Optional monitor of <see cref="QueueLength"/> over time; null costs nothing.</summary>
    public TimeWeightedMonitor? QueueLengthMonitor
    {
        get => _queueMonitor;
        set
        {
            _queueMonitor = value;
            value?.Record(Simulation.Now, QueueLength);
        }
    }

    /// <summary>Mean fraction of units in use since <see cref="InUseMonitor"/> was attached (NaN without a monitor).</summary>
    public double Utilization => _inUseMonitor is null ? double.NaN : _inUseMonitor.Mean(Simulation.Now) / Capacity;

    /// <summary>Asks for one unit; yield the request to wait for it and dispose it (e.g. with <c>using</c>) to release.</summary>
    public Request Request()
    {
        var r = TakeSpare();
        r.Arm(Simulation.Now);
        if (InUse < Capacity && QueueLength == 0)
        {
            Grant(r);
        }
        else
        {
            r.Status = RequestStatus.Queued;
            _queue.Enqueue(r);
            QueueLength++;
            _queueMonitor?.Record(Simulation.Now, QueueLength);
        }
        return r;
    }

    /// <summary>Asks for one unit like <see cref="Request"/>, but when one is free (and nobody queues) grants it at once without scheduling an event and returns true: the request is already processed, so the process goes on without yielding it. Returns false when the request queued: yield it to wait. Either way dispose it exactly once to release.</summary>
    /// <remarks>Same grant order and cycles as <see cref="Request"/> (an immediate grant's event has no waiter and changes nothing when it fires); one event fewer per immediate grant.</remarks>
    public bool TryRequest(out Request request)
    {
        if (InUse < Capacity && QueueLength == 0)
        {
            var r = TakeSpare();
            r.Arm(Simulation.Now);
            r.GrantAtOnce();
            InUse++;
            _inUseMonitor?.Record(Simulation.Now, InUse);
            request = r;
            return true;
        }

        request = Request();
        return false;
    }

    /// <summary>Releases a granted unit or withdraws a queued request; a second call does nothing.</summary>
    internal void Release(Request r)
    {
        switch (r.Status)
        {
            case RequestStatus.Granted:
                r.Status = RequestStatus.Released;
                InUse--;
                _inUseMonitor?.Record(Simulation.Now, InUse);
                while (QueueLength > 0 && InUse < Capacity)
                {
                    var next = _queue.Dequeue();
                    if (next.Status != RequestStatus.Queued)
                        continue; // withdrawn while waiting
                    QueueLength--;
                    _queueMonitor?.Record(Simulation.Now, QueueLength);
                    Grant(next);
                }
                if (r.ReadyForPool)
                    PutSpare(r);
                break;
            case RequestStatus.Queued:
                // Withdrawn: it stays in the ring until it reaches the head, so it must not be pooled.
                r.Status = RequestStatus.Released;
                QueueLength--;
                _queueMonitor?.Record(Simulation.Now, QueueLength);
                if (QueueLength == 0)
                    _queue.Clear();
                break;
        }
    }

    /// <summary>Takes back a released request that has fired.</summary>
    internal void ReturnRequest(Request r) => PutSpare(r);

    // The field first, then the stack (which spare is reused changes nothing: a request is armed afresh each time).
    private Request TakeSpare()
    {
        if (_spare is { } spare)
        {
            _spare = null;
            return spare;
        }

        return _free.TryPop(out var pooled) ? pooled : new Request(this);
    }

    private void PutSpare(Request r)
    {
        if (_spare is null)
            _spare = r;
        else
            _free.Push(r);
    }

    private void Grant(Request r)
    {
        r.Status = RequestStatus.Granted;
        InUse++;
        _inUseMonitor?.Record(Simulation.Now, InUse);
        r.Trigger(true, null, Event.NormalPriority);
    }
}
