using System.Runtime.CompilerServices;
using System.Text;

namespace Comet.Sim;

/// <summary>A discrete-event simulation: a clock in cycles, an event queue ordered by (time, priority, insertion sequence), its processes and its own random stream.</summary>
public sealed class Simulation
{
    // Order key: priority (offset to be non-negative) in bits 47..62, insertion sequence in bits 0..46.
    private const int SequenceBits = 47;
    private const long SequenceLimit = 1L << SequenceBits;

    private readonly EventQueue _queue = new();
    private long _sequence;
    private readonly RefStack<Timeout> _freeTimeouts = new();
    private readonly RefStack<RefStack<IEnumerator<Event>>> _freeCallStacks = new();
    private readonly RefStack<Signal> _freeSignals = new();
    private Process? _liveHead;
    private Process? _liveTail;

    /// <summary>Creates an empty simulation at cycle 0 whose random stream is fixed by <paramref name="seed"/>.</summary>
    public Simulation(int seed = 0)
    {
        Seed = seed;
        Random = new SimRandom(seed);
        Subroutine = new Subroutine(this);
    }

    /// <summary>The seed the random stream was created from.</summary>
    public int Seed { get; }

    /// <summary>Current time in cycles.</summary>
    public long Now => _queue.Now;

    /// <summary>Number of events taken from the queue so far.</summary>
    public long ProcessedEvents { get; private set; }

    /// <summary>Called with each event just before it fires, or null (the default): for diagnostics such as an event census; it must not schedule or trigger anything.</summary>
    public Action<Event>? Observer { get; set; }

    /// <summary>Number of events currently scheduled.</summary>
    public int PendingEvents => _queue.Count;

    /// <summary>Number of processes started and not yet finished.</summary>
    public int LiveProcesses { get; private set; }

    /// <summary>The simulation's own seeded random stream.</summary>
    public SimRandom Random { get; }

    /// <summary>The process whose body is running right now, or null between events.</summary>
    public Process? ActiveProcess { get; internal set; }

    /// <summary>Where components write trace records; null means nothing is traced and nothing costs.</summary>
    public ITraceSink? Trace { get; set; }

    /// <summary>Starts a process running <paramref name="body"/> at the current cycle, before ordinary events of this cycle.</summary>
    public Process Process(IEnumerable<Event> body, string name = "process")
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(name);
        var process = new Process(this, body.GetEnumerator(), name);
        AddLive(process);
        // The start is the process's own timeout, due now and urgent: no event object per start, and it is free again
        // (returned before the body first runs) for the body's first wait.
        var start = process.TakeOwnTimeout()!;
        start.Arm(0, Now);
        start.AddProcessWaiter(process);
        Schedule(start, 0, Comet.Sim.Event.UrgentPriority);
        process.SetTarget(start);
        return process;
    }

    /// <summary>Returns an event that fires <paramref name="delay"/> cycles from now; it may be pooled, so do not keep it after it fired.</summary>
    public Timeout Timeout(long delay)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(delay);
        // A process reuses its own timeout; the shared stack serves everyone else (and a process with two in flight).
        var t = ActiveProcess?.TakeOwnTimeout();
        if (t is null && !_freeTimeouts.TryPop(out t))
            t = new Timeout(this);
        t.Arm(delay, Now + delay);
        Schedule(t, delay, Comet.Sim.Event.NormalPriority);
        return t;
    }

    /// <summary>Returns the marker that, yielded by a process body, runs <paramref name="body"/> to its end in the same process before the yielding body continues: the same events in the same order as <c>foreach (var e in body) yield return e;</c>, without resuming the caller's iterator on every event of the callee.</summary>
    /// <remarks>Yield it at once (one marker serves the whole simulation) and only from a body a process runs, directly or through callers that pass its events on.</remarks>
    public Event Call(IEnumerable<Event> body)
    {
        ArgumentNullException.ThrowIfNull(body);
        Subroutine.Callee = body;
        return Subroutine;
    }

    /// <summary>Returns a plain pending event, triggered later by Succeed or Fail.</summary>
    public Event Event() => new(this);

    /// <summary>Returns a plain pending event that is recycled once it fired and whoever awaited it resumed: do not keep it after it fired (one-shot wake-ups).</summary>
    public Event Signal() => (_freeSignals.TryPop(out var s) ? s : new Signal(this)).Arm();

    /// <summary>Returns a plain pending event with a descriptive name for diagnostics.</summary>
    public Event Event(string name) => new NamedEvent(this, name);

    /// <summary>Returns an event that succeeds once all <paramref name="events"/> succeeded, or fails with the first failure.</summary>
    public AllOf AllOf(params Event[] events) => new(this, events);

    /// <summary>Returns an event that succeeds once all <paramref name="events"/> succeeded, or fails with the first failure.</summary>
    public AllOf AllOf(IReadOnlyList<Event> events) => new(this, events);

    /// <summary>Returns an event that fires as soon as one of <paramref name="events"/> is processed; its value is that event.</summary>
    public AnyOf AnyOf(params Event[] events) => new(this, events);

    /// <summary>Returns an event that fires as soon as one of <paramref name="events"/> is processed; its value is that event.</summary>
    public AnyOf AnyOf(IReadOnlyList<Event> events) => new(this, events);

    /// <summary>Runs until no event is pending; throws <see cref="DeadlockException"/> if non-daemon processes still wait.</summary>
    public void Run()
    {
        while (Step())
        {
        }
        ThrowIfDeadlocked(null);
    }

    /// <summary>Processes every event scheduled strictly before cycle <paramref name="until"/>, then sets <see cref="Now"/> to it.</summary>
    public void Run(long until)
    {
        if (until < Now)
            throw new ArgumentOutOfRangeException(nameof(until), $"until ({until}) lies before now ({Now})");
        while (_queue.TryPeekTime(out var next) && next < until)
            Step();
        _queue.AdvanceTo(until);
    }

    /// <summary>Runs until <paramref name="stop"/> has been processed; throws <see cref="DeadlockException"/> if the queue empties first.</summary>
    public void Run(Event stop)
    {
        ArgumentNullException.ThrowIfNull(stop);
        while (!stop.IsProcessed)
        {
            if (!Step())
                ThrowIfDeadlocked(stop);
        }
    }

    /// <summary>Processes the next event; returns false when none is pending.</summary>
    public bool Step()
    {
        if (!_queue.TryPop(out var next, out _))
            return false;
        ProcessedEvents++;
        Observer?.Invoke(next);
        next.Fire();
        return true;
    }

    /// <summary>Puts a triggered event into the queue <paramref name="delay"/> cycles from now.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal void Schedule(Event ev, long delay, int priority)
    {
        var seq = _sequence++;
        if (seq >= SequenceLimit)
            throw new InvalidOperationException("event sequence exhausted");
        var order = ((long)(priority - Comet.Sim.Event.UrgentPriority) << SequenceBits) | seq;
        if (delay == 0 && priority == Comet.Sim.Event.UrgentPriority)
            _queue.PushUrgent(order, ev);
        else
            _queue.Push(Now + delay, order, ev);
    }

    /// <summary>Takes back a fired signal for reuse.</summary>
    internal void ReturnSignal(Signal s) => _freeSignals.Push(s);

    /// <summary>A pooled timeout made <paramref name="process"/>'s own, or a new one.</summary>
    internal Timeout TakeTimeoutFor(Process process) => _freeTimeouts.TryPop(out var t) ? t.Adopt(process) : new Timeout(this, process);

    /// <summary>Takes back a fired timeout for reuse.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal void ReturnTimeout(Timeout t) => _freeTimeouts.Push(t);

    /// <summary>The marker <see cref="Call"/> fills.</summary>
    internal Subroutine Subroutine { get; }

    /// <summary>A stack for the suspended callers of a process's nested bodies, recycled from ended processes.</summary>
    internal RefStack<IEnumerator<Event>> RentCallStack() => _freeCallStacks.TryPop(out var stack) ? stack : new RefStack<IEnumerator<Event>>();

    /// <summary>Takes back an ended process's stack of callers (cleared) for reuse.</summary>
    internal void ReturnCallStack(RefStack<IEnumerator<Event>> stack) => _freeCallStacks.Push(stack);

    /// <summary>Forgets a finished process.</summary>
    internal void RemoveLive(Process p)
    {
        if (p.LivePrev is null)
            _liveHead = p.LiveNext;
        else
            p.LivePrev.LiveNext = p.LiveNext;
        if (p.LiveNext is null)
            _liveTail = p.LivePrev;
        else
            p.LiveNext.LivePrev = p.LivePrev;
        p.LivePrev = p.LiveNext = null;
        LiveProcesses--;
    }

    private void AddLive(Process p)
    {
        p.LivePrev = _liveTail;
        if (_liveTail is null)
            _liveHead = p;
        else
            _liveTail.LiveNext = p;
        _liveTail = p;
        LiveProcesses++;
    }

    private void ThrowIfDeadlocked(Event? stop)
    {
        var waiting = new List<string>();
        for (var p = _liveHead; p is not null; p = p.LiveNext)
        {
            if (!p.IsDaemon)
                waiting.Add($"process '{p.Name}' waits on {p.Target?.Describe() ?? "nothing"}");
        }
        if (waiting.Count == 0 && stop is null)
            return;
        var message = new StringBuilder();
        message.Append("deadlock at cycle ").Append(Now).Append(": no event is pending");
        if (stop is not null)
            message.Append(" and ").Append(stop.Describe()).Append(" was never processed");
        message.Append("; ").Append(waiting.Count).Append(waiting.Count == 1 ? " process waits" : " processes wait");
        foreach (var line in waiting)
            message.Append('\n').Append("  ").Append(line);
        throw new DeadlockException(message.ToString(), Now, waiting);
    }
}
