using System.Runtime.CompilerServices;

namespace Comet.Sim;

/// <summary>Something that happens at one cycle: triggered by Succeed or Fail, then processed in (time, priority, sequence) order, resuming whoever waits on it.</summary>
/// <remarks>
/// Waiters are kept in one field plus an overflow list, so the usual case (one process waits) allocates nothing.
/// Kernel-made events (timeouts, requests, store and container operations) are recycled once the processes that
/// awaited them have resumed; do not keep such an event after it fired.
/// </remarks>
public class Event
{
    /// <summary>Priority of ordinary events; smaller priorities are processed first among events of one cycle.</summary>
    public const int NormalPriority = 0;

    /// <summary>Smallest priority a caller may pass (processed earliest).</summary>
    public const int MinPriority = -32767;

    /// <summary>Largest priority a caller may pass (processed latest).</summary>
    public const int MaxPriority = 32767;

    /// <summary>Kernel-only priority for process starts and interrupts: before every user event of the same cycle.</summary>
    internal const int UrgentPriority = -32768;

    private EventState _state;
    private bool _ok;
    private object? _value;
    // The usual single waiter is a process, kept in a typed field so resuming it needs no type test or virtual call
    // (at 100 000 processes, not touching the process's header line is a measurable share of the time per event).
    private Process? _first;
    // The other observers: none, one (an event or a callback, kept as it is: no list), or a List<object> of several.
    private object? _more;

    /// <summary>Set when something other than a process observes the event, which forbids recycling it.</summary>
    private bool _pinned;

    /// <summary>Set when the event fired while at least one process awaited it; only such events are recycled.</summary>
    private protected bool Awaited;

    /// <summary>True for kernel-made events that return to a pool after they fired.</summary>
    private protected bool Pooled;

    /// <summary>True for pooled events with nothing to read after they fired (timeouts): with a single process waiting
    /// they return to the pool before it resumes, so the process's next timeout is this same, cache-hot object.</summary>
    private protected bool RecycleBeforeResume;

    /// <summary>Creates a pending event owned by <paramref name="simulation"/>.</summary>
    internal Event(Simulation simulation)
    {
        Simulation = simulation;
    }

    /// <summary>The simulation this event belongs to.</summary>
    public Simulation Simulation { get; }

    /// <summary>A descriptive name used in diagnostics such as deadlock reports.</summary>
    public virtual string Name => "event";

    /// <summary>The first process waiting on this event, or null when none waits (for diagnostics).</summary>
    public Process? FirstWaiter => _first;

    /// <summary>Where the event is in its life cycle.</summary>
    public EventState State => _state;

    /// <summary>True once Succeed or Fail was called (or, for timeouts, from creation).</summary>
    public bool IsTriggered => _state != EventState.Pending;

    /// <summary>True once the event was taken from the queue and its waiters resumed.</summary>
    public bool IsProcessed => _state == EventState.Processed;

    /// <summary>True when the event was triggered by Succeed; false while pending or after Fail.</summary>
    public bool IsOk => _ok;

    /// <summary>The value passed to Succeed, or the exception passed to Fail.</summary>
    public object? Value => _value;

    /// <summary>The exception passed to Fail, or null.</summary>
    public Exception? Exception => _ok ? null : _value as Exception;

    /// <summary>Triggers the event successfully at the current cycle.</summary>
    public Event Succeed(object? value = null, int priority = NormalPriority)
    {
        CheckPriority(priority);
        Trigger(true, value, priority);
        return this;
    }

    /// <summary>Triggers the event as failed at the current cycle; waiting processes see the exception via <see cref="Process.HandleFault"/>.</summary>
    public Event Fail(Exception exception, int priority = NormalPriority)
    {
        ArgumentNullException.ThrowIfNull(exception);
        CheckPriority(priority);
        Trigger(false, exception, priority);
        return this;
    }

    /// <summary>Calls <paramref name="callback"/> when the event is processed (at once if it already was).</summary>
    public void AddCallback(Action<Event> callback)
    {
        ArgumentNullException.ThrowIfNull(callback);
        _pinned = true;
        if (_state == EventState.Processed)
        {
            callback(this);
            return;
        }
        AddObserver(callback);
    }

    /// <summary>Describes the event for diagnostics, e.g. <c>Container 'OB[3].space' Get(4096)</c>.</summary>
    public virtual string Describe() => $"Event '{Name}'";

    /// <inheritdoc />
    public override string ToString() => Describe();

    /// <summary>Marks the event triggered and schedules it at the current cycle.</summary>
    internal void Trigger(bool ok, object? value, int priority)
    {
        if (_state != EventState.Pending)
            throw new InvalidOperationException($"{Describe()} was already triggered");
        _state = EventState.Triggered;
        _ok = ok;
        _value = value;
        Simulation.Schedule(this, 0, priority);
    }

    /// <summary>Marks the event triggered successfully without scheduling it; the caller schedules it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private protected void MarkTriggered()
    {
        _state = EventState.Triggered;
        _ok = true;
    }

    /// <summary>Marks the event processed successfully without ever queuing it (a request granted at once): yielding it continues at once.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private protected void MarkProcessedAtOnce()
    {
        _state = EventState.Processed;
        _ok = true;
    }

    /// <summary>Returns a recycled event to its initial pending state.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private protected void ResetForReuse()
    {
        _state = EventState.Pending;
        _ok = false;
        _value = null;
        Awaited = false;
    }

    /// <summary>Registers a process or condition to be notified when the event is processed.</summary>
    internal void AddWaiter(Event waiter)
    {
        if (waiter is not Process)
            _pinned = true;
        AddObserver(waiter);
    }

    /// <summary>Registers a waiting process; the common single-waiter case is one field store.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal void AddProcessWaiter(Process process)
    {
        if (_first is null && _more is null)
            _first = process;
        else
            AddObserver(process);
    }

    /// <summary>Removes a waiter that abandoned the event (an interrupted process, a settled condition).</summary>
    internal void RemoveWaiter(Event waiter)
    {
        if (ReferenceEquals(_first, waiter))
        {
            _first = null;
            return;
        }
        if (ReferenceEquals(_more, waiter))
        {
            _more = null;
            return;
        }
        (_more as List<object>)?.Remove(waiter);
    }

    /// <summary>Called on a waiter when an event it waits on is processed.</summary>
    internal virtual void Notify(Event source)
    {
    }

    /// <summary>Returns the event to its pool; only called for pooled, awaited, unpinned events after processing.</summary>
    internal virtual void Recycle()
    {
    }

    /// <summary>Processes the event: resumes its waiters in registration order, then recycles it when allowed.</summary>
    internal void Fire()
    {
        _state = EventState.Processed;
        var first = _first;
        var more = _more;
        if (first is not null)
        {
            _first = null;
            Awaited = true;
            if (more is null && RecycleBeforeResume && !_pinned)
            {
                Recycle();
                first.Resume(this);
                return;
            }
            first.Resume(this);
        }
        if (more is not null)
        {
            _more = null;
            Awaited = true;
            if (more is List<object> list)
            {
                foreach (var o in list)
                    NotifyObserver(o);
            }
            else
            {
                NotifyObserver(more);
            }
        }
        else if (first is null && !_ok)
        {
            throw new InvalidOperationException($"{Describe()} failed and nothing waited on it", _value as Exception);
        }
        if (Pooled && Awaited && !_pinned)
            Recycle();
    }

    private void AddObserver(object observer)
    {
        if (_first is null && _more is null)
        {
            // The first observer: a process in its typed slot, anything else (a condition, a callback) as it is.
            if (observer is Process p)
                _first = p;
            else
                _more = observer;
            return;
        }
        if (_more is not List<object> list)
        {
            list = new List<object>(4);
            if (_more is not null)
                list.Add(_more);
            _more = list;
        }
        if (_first is not null)
        {
            // Keep registration order: the single-slot waiter moves to the head of the list.
            list.Insert(0, _first);
            _first = null;
        }
        list.Add(observer);
    }

    private void NotifyObserver(object observer)
    {
        if (observer is Event e)
            e.Notify(this);
        else
            ((Action<Event>)observer)(this);
    }

    private static void CheckPriority(int priority)
    {
        if (priority < MinPriority || priority > MaxPriority)
            throw new ArgumentOutOfRangeException(nameof(priority), $"priority must lie in [{MinPriority}, {MaxPriority}]");
    }
}
