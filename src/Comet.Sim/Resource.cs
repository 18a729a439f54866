namespace Comet.Sim;

/// <summary>A server with <see cref="Capacity"/> identical units granted to requests in FIFO order.</summary>
public sealed class Resource
{
    private Request? _head;
    private Request? _tail;
    private Request? _free;
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
        var r = _free;
        if (r is not null)
            _free = r.Next;
        else
            r = new Request(this);
        r.Arm(Simulation.Now);
        if (InUse < Capacity && _head is null)
        {
            Grant(r);
        }
        else
        {
            r.Status = RequestStatus.Queued;
            r.Prev = _tail;
            if (_tail is null)
                _head = r;
            else
                _tail.Next = r;
            _tail = r;
            QueueLength++;
            _queueMonitor?.Record(Simulation.Now, QueueLength);
        }
        return r;
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
                while (_head is not null && InUse < Capacity)
                {
                    var next = _head;
                    Unlink(next);
                    Grant(next);
                }
                if (r.ReadyForPool)
                    ReturnRequest(r);
                break;
            case RequestStatus.Queued:
                Unlink(r);
                r.Status = RequestStatus.Released;
                break;
        }
    }

    /// <summary>Takes back a released request that has fired.</summary>
    internal void ReturnRequest(Request r)
    {
        r.Next = _free;
        _free = r;
    }

    private void Grant(Request r)
    {
        r.Status = RequestStatus.Granted;
        InUse++;
        _inUseMonitor?.Record(Simulation.Now, InUse);
        r.Trigger(true, null, Event.NormalPriority);
    }

    private void Unlink(Request r)
    {
        if (r.Prev is null)
            _head = r.Next;
        else
            r.Prev.Next = r.Next;
        if (r.Next is null)
            _tail = r.Prev;
        else
            r.Next.Prev = r.Prev;
        r.Prev = r.Next = null;
        QueueLength--;
        _queueMonitor?.Record(Simulation.Now, QueueLength);
    }
}
