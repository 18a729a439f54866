namespace Comet.Sim;

/// <summary>A process: an iterator of events that is resumed each time the event it yielded is processed; it is itself an event that fires when the body ends.</summary>
public sealed class Process : Event
{
    // The fields a resumption touches come first and are all references, so the runtime lays them out side by side
    // (one cache line, which matters when 100 000 processes take turns).
    private IEnumerator<Event>? _body;
    // The body again when it is a hand-written one (worked out when the body is set, not at every resumption).
    private ProcessBody? _direct;
    private Event? _target;
    private Exception? _faultPending;
    private Interruption? _pendingInterrupt;
    private readonly string _processName;
    private Timeout _ownTimeout;
    private bool _ownTimeoutBusy;
    // Bodies suspended while a body they called (Simulation.Call) runs, innermost last; only the innermost is resumed.
    private RefStack<IEnumerator<Event>>? _callers;

    internal Process(Simulation simulation, IEnumerator<Event> body, string name)
        : base(simulation)
    {
        _body = body;
        _direct = body as ProcessBody;
        _processName = name;
        // A looping process reuses this one timeout (no pool traffic); it is one an ended process gave back when there is
        // one, else allocated right after the process (and its iterator) so that it sits next to them in memory.
        _ownTimeout = simulation.TakeTimeoutFor(this);
    }

    /// <inheritdoc />
    public override string Name => _processName;

    /// <summary>True from creation until the body has ended.</summary>
    public bool IsAlive => _body is not null;

    /// <summary>A daemon (for example a server looping forever on a queue) is not reported as deadlocked when the simulation runs dry.</summary>
    public bool IsDaemon { get; set; }

    /// <summary>The event the process currently waits on, or null while it runs or after it ended.</summary>
    public Event? Target => _target;

    /// <summary>Links in the simulation's list of live processes.</summary>
    internal Process? LivePrev { get; set; }

    /// <summary>Links in the simulation's list of live processes.</summary>
    internal Process? LiveNext { get; set; }

    /// <inheritdoc />
    public override string Describe() => $"process '{Name}'";

    /// <summary>Resumes the process at its current <c>yield</c> before ordinary events of this cycle, abandoning the event it awaited.</summary>
    public void Interrupt(object? cause = null)
    {
        if (!IsAlive)
            throw new InvalidOperationException($"process '{Name}' has ended and cannot be interrupted");
        if (ReferenceEquals(Simulation.ActiveProcess, this))
            throw new InvalidOperationException($"process '{Name}' cannot interrupt itself");
        var irq = new Interruption(Simulation, this, cause);
        irq.AddWaiter(this);
        Simulation.Schedule(irq, 0, UrgentPriority);
    }

    /// <summary>Returns true once after an interrupt resumed this process, with the interrupter's cause; the body must call it.</summary>
    public bool HandleInterrupt(out object? cause)
    {
        var irq = _pendingInterrupt;
        cause = irq?.Cause;
        if (irq is null)
            return false;
        _pendingInterrupt = null;
        return true;
    }

    /// <summary>Returns true once after the awaited event failed, with its exception; if the body does not call it, the process fails with that exception.</summary>
    public bool HandleFault(out Exception? exception)
    {
        exception = _faultPending;
        if (exception is null)
            return false;
        _faultPending = null;
        return true;
    }

    /// <summary>Hands out the process's own timeout, or null while it is in flight.</summary>
    internal Timeout? TakeOwnTimeout()
    {
        if (_ownTimeoutBusy)
            return null;
        _ownTimeoutBusy = true;
        return _ownTimeout;
    }

    /// <summary>Takes the process's own timeout back once it fired.</summary>
    internal void ReturnOwnTimeout() => _ownTimeoutBusy = false;

    /// <summary>Records the start event as what a fresh process waits on.</summary>
    internal void SetTarget(Event target) => _target = target;

    /// <inheritdoc />
    internal override void Notify(Event source) => Resume(source);

    /// <summary>Runs the body from its current <c>yield</c> to the next, because <paramref name="source"/> was processed.</summary>
    internal void Resume(Event source)
    {
        var body = _body;
        if (body is null)
            return;
        var direct = _direct;
        if (source is Interruption irq)
        {
            // The awaited event stays scheduled; we simply stop listening to it.
            _target?.RemoveWaiter(this);
            _pendingInterrupt = irq;
        }
        else if (!source.IsOk)
        {
            _faultPending = source.Exception;
        }

        var sim = source.Simulation; // the source is in cache already; our own header line need not be
        // Resumptions never nest (bodies only schedule events), so the active process is null around this call;
        // clearing rather than restoring it saves a reference store per event.
        sim.ActiveProcess = this;
        while (true)
        {
            _target = null;
            bool more;
            Event? current;
            if (direct is not null)
            {
                // A hand-written body: one virtual call and a field read.
                more = direct.MoveNext();
                current = more ? direct.Current : null;
            }
            else
            {
                more = body.MoveNext();
                // Read once: every interface call on a body is a dispatch through the runtime's stub (many body types share this site).
                current = more ? body.Current : null;
            }
            if (!more && _callers is { Count: > 0 } suspended)
            {
                // A called body ended: its caller goes on in this resumption, as after a foreach over the callee.
                body.Dispose();
                suspended.TryPop(out body!);
                _body = body;
                direct = _direct = body as ProcessBody;
                continue;
            }
            if (more && ReferenceEquals(current, sim.Subroutine))
            {
                body = Enter(sim, body);
                direct = _direct;
                continue;
            }
            if (_pendingInterrupt is not null)
            {
                sim.ActiveProcess = null;
                throw new InvalidOperationException(
                    $"process '{Name}' was interrupted ({_pendingInterrupt.Cause ?? "no cause"}) but did not call HandleInterrupt");
            }
            if (_faultPending is not null)
            {
                var fault = _faultPending;
                _faultPending = null;
                End();
                Trigger(false, fault, NormalPriority);
                break;
            }
            if (!more)
            {
                End();
                Trigger(true, null, NormalPriority);
                break;
            }
            var next = current ?? throw new InvalidOperationException($"process '{Name}' yielded null");
            if (!ReferenceEquals(next.Simulation, sim))
                throw new InvalidOperationException($"process '{Name}' yielded {next.Describe()} of another simulation");
            if (next.IsProcessed)
            {
                // Already happened: continue at once, as if it had just fired.
                if (!next.IsOk)
                    _faultPending = next.Exception;
                continue;
            }
            _target = next;
            next.AddProcessWaiter(this);
            break;
        }
        sim.ActiveProcess = null;
    }

    /// <summary>Suspends <paramref name="caller"/> and makes the body it called (the filled <see cref="Simulation.Subroutine"/>) the one that runs.</summary>
    private IEnumerator<Event> Enter(Simulation sim, IEnumerator<Event> caller)
    {
        var callee = sim.Subroutine.Callee ?? throw new InvalidOperationException($"process '{Name}' yielded a call marker that was already taken");
        sim.Subroutine.Callee = null;
        (_callers ??= sim.RentCallStack()).Push(caller);
        var body = callee.GetEnumerator();
        _body = body;
        _direct = body as ProcessBody;
        return body;
    }

    private void End()
    {
        var body = _body!;
        _body = null;
        _direct = null;
        _target = null;
        Simulation.RemoveLive(this);
        if (!_ownTimeoutBusy)
        {
            // Nothing schedules or awaits it any more: the next process started takes it as its own.
            _ownTimeoutBusy = true;
            Simulation.ReturnTimeout(_ownTimeout.Disown());
        }

        body.Dispose();
        if (_callers is { } callers)
        {
            // Only a fault ends a process inside a called body: callers are disposed innermost first, as nested foreach loops would be.
            while (callers.TryPop(out var caller))
            {
                caller.Dispose();
            }

            _callers = null;
            Simulation.ReturnCallStack(callers);
        }
    }
}
