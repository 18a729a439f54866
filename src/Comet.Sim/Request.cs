namespace Comet.Sim;

/// <summary>A request for one unit of a <see cref="Resource"/>: an event that fires when the unit is granted; Dispose releases the unit (or leaves the queue). Pooled: dispose exactly once and do not keep it afterwards.</summary>
public sealed class Request : Event, IDisposable
{
    private bool _firedAndAwaited;

    internal Request(Resource resource)
        : base(resource.Simulation)
    {
        Resource = resource;
        Pooled = true;
    }

    /// <summary>The resource asked for.</summary>
    public Resource Resource { get; }

    /// <summary>Where the request stands.</summary>
    public RequestStatus Status { get; internal set; }

    /// <summary>Cycle at which the request was made.</summary>
    public long RequestedAt { get; private set; }

    /// <inheritdoc />
    public override string Name => Resource.Name;

    /// <inheritdoc />
    public override string Describe() => $"Resource '{Resource.Name}' Request";

    /// <summary>Releases the granted unit, or withdraws the request from the queue.</summary>
    public void Dispose() => Resource.Release(this);

    /// <summary>Prepares a fresh or recycled request.</summary>
    internal void Arm(long now)
    {
        ResetForReuse();
        _firedAndAwaited = false;
        RequestedAt = now;
    }

    /// <summary>Grants the request without scheduling an event: it is processed at once and goes back to the pool when released.</summary>
    internal void GrantAtOnce()
    {
        Status = RequestStatus.Granted;
        MarkProcessedAtOnce();
        _firedAndAwaited = true;
    }

    /// <summary>True once the request fired to its waiters and may go back to the pool as soon as it is released.</summary>
    internal bool ReadyForPool => _firedAndAwaited;

    /// <inheritdoc />
    internal override void Recycle()
    {
        if (Status == RequestStatus.Released)
            Resource.ReturnRequest(this);
        else
            _firedAndAwaited = true;
    }
}
