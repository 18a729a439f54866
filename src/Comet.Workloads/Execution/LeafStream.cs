namespace Comet.Workloads.Execution;

/// <summary>The local schedule of one leaf invocation whose engine and operand ports are held for the whole invocation: movers, compute loop and drainers run against those ports alone.</summary>
/// <remarks>
/// What may happen next is decided by <see cref="LeafRules"/>, the rules the per-tile processes
/// (<see cref="LeafProcesses"/>) follow too; this adds only how the ports behave: a move acquires its ports in key order,
/// each port serving its requests first come first served, and holds them together, each for its own time. Because
/// nothing outside the invocation can touch these ports while it holds them, the schedule is computed here with a small
/// event queue of its own instead of kernel events: the same holds and waits, one kernel timeout for the whole invocation.
/// </remarks>
public sealed class LeafStream
{
    private const int Resume = 0;
    private const int Granted = 1;
    private const int ReleaseEarly = 2;
    private const int Complete = 3;
    private const int ComputeDone = 4;

    private readonly int _iterations;
    private readonly long _computeCycles;
    private readonly LeafRules _rules;
    private readonly LeafStreamEntry[] _entries;
    private readonly int[] _capacity;
    private readonly int _consumer;

    private readonly int[] _next;
    private readonly int[] _acquired;
    private readonly bool[] _moving;
    private readonly bool[] _sleeping;
    private readonly int[] _inUse;
    private readonly Queue<int>[] _waiting;
    private readonly long[] _portBusy;
    private readonly long[] _portFirst;
    private readonly long[] _portLast;
    private readonly PriorityQueue<(int Kind, int Who), (long Time, long Seq)> _events = new();

    private long _seq;
    private int _iteration;
    private int _check;
    private bool _consumerSleeping;
    private long _end;
    private long _computeFirst = -1;
    private long _computeLast;
    private long _computeBusy;

    private LeafStream(int iterations, long computeCycles, int slots, LeafStreamEntry[] entries, int[] portCapacity)
    {
        _iterations = iterations;
        _computeCycles = computeCycles;
        _rules = new LeafRules(slots, [.. entries.Select(e => e.IsOutput)], [.. entries.Select(e => e.Ordinal)], [.. entries.Select(e => e.Tiles)]);
        _entries = entries;
        _capacity = portCapacity;
        var n = entries.Length;
        _consumer = n;
        _next = new int[n];
        _acquired = new int[n];
        _moving = new bool[n];
        _sleeping = new bool[n];
        _inUse = new int[portCapacity.Length];
        _waiting = new Queue<int>[portCapacity.Length];
        for (var p = 0; p < _waiting.Length; p++)
        {
            _waiting[p] = new Queue<int>();
        }

        _portBusy = new long[portCapacity.Length];
        _portFirst = new long[portCapacity.Length];
        _portLast = new long[portCapacity.Length];
        Array.Fill(_portFirst, -1L);
    }

    /// <summary>Schedules <paramref name="iterations"/> compute steps of <paramref name="computeCycles"/> each with their operand streams on ports of the given capacities.</summary>
    public static LeafStreamSchedule Run(int iterations, long computeCycles, int slots, LeafStreamEntry[] entries, int[] portCapacity)
    {
        var s = new LeafStream(iterations, computeCycles, slots, entries, portCapacity);
        return s.Schedule();
    }

    private LeafStreamSchedule Schedule()
    {
        // As in the process model: the compute loop runs first (and waits for its first operands), then the movers and
        // drainers start in entry order.
        StepConsumer(0);
        for (var e = 0; e < _entries.Length; e++)
        {
            Push(0, Resume, e);
        }

        while (_events.TryDequeue(out var ev, out var at))
        {
            var t = at.Time;
            _end = Math.Max(_end, t);
            switch (ev.Kind)
            {
                case Resume when ev.Who == _consumer:
                    StepConsumer(t);
                    break;
                case Resume:
                    StepEntry(ev.Who, t);
                    break;
                case Granted:
                    _acquired[ev.Who]++;
                    StepEntry(ev.Who, t);
                    break;
                case ReleaseEarly:
                    ReleasePort(_entries[ev.Who].Ports[EarlyIndex(_entries[ev.Who])], t);
                    break;
                case Complete:
                    FinishMove(ev.Who, t);
                    StepEntry(ev.Who, t);
                    break;
                case ComputeDone:
                    FinishCompute(t);
                    StepConsumer(t);
                    break;
            }
        }

        if (_iteration < _iterations)
        {
            throw new InvalidOperationException($"leaf stream stopped at iteration {_iteration} of {_iterations}: an operand never arrived");
        }

        return new LeafStreamSchedule(_end, Math.Max(0, _computeFirst), _computeLast, _computeBusy, _portBusy, _portFirst, _portLast);
    }

    private void Push(long time, int kind, int who) => _events.Enqueue((kind, who), (time, _seq++));

    private void Wake(int who, long t)
    {
        if (who == _consumer)
        {
            if (_consumerSleeping)
            {
                _consumerSleeping = false;
                Push(t, Resume, who);
            }

            return;
        }

        if (_sleeping[who])
        {
            _sleeping[who] = false;
            Push(t, Resume, who);
        }
    }

    private void StepEntry(int e, long t)
    {
        var entry = _entries[e];
        while (true)
        {
            if (!_moving[e])
            {
                var k = _next[e];
                if (entry.IsOutput)
                {
                    if (!_rules.IsHandedOver(e, k))
                    {
                        _sleeping[e] = !_rules.Closing;
                        return;
                    }
                }
                else
                {
                    if (!_rules.HasTile(e, k))
                    {
                        return;
                    }

                    if (!_rules.MayFetch(e, k))
                    {
                        _sleeping[e] = true;
                        return;
                    }
                }

                _moving[e] = true;
                _acquired[e] = 0;
            }

            // Acquire the move's ports in key order, first come first served at each.
            while (_acquired[e] < entry.Ports.Length)
            {
                var p = entry.Ports[_acquired[e]];
                if (_inUse[p] < _capacity[p] && _waiting[p].Count == 0)
                {
                    _inUse[p]++;
                    _acquired[e]++;
                    continue;
                }

                _waiting[p].Enqueue(e);
                return;
            }

            // Hold every port together, each for its own time; the move ends when the slowest is through.
            long longest = 0;
            for (var j = 0; j < entry.Ports.Length; j++)
            {
                var p = entry.Ports[j];
                var h = entry.HoldCycles[j];
                if (_portFirst[p] < 0)
                {
                    _portFirst[p] = t;
                }

                _portLast[p] = Math.Max(_portLast[p], t + h);
                _portBusy[p] += h;
                longest = Math.Max(longest, h);
            }

            if (entry.Ports.Length == 2 && entry.HoldCycles[0] != entry.HoldCycles[1])
            {
                Push(t + entry.HoldCycles[EarlyIndex(entry)], ReleaseEarly, e);
            }

            if (longest > 0)
            {
                Push(t + longest, Complete, e);
                return;
            }

            FinishMove(e, t);
        }
    }

    private static int EarlyIndex(LeafStreamEntry entry) => entry.HoldCycles[0] <= entry.HoldCycles[1] ? 0 : 1;

    private void FinishMove(int e, long t)
    {
        var entry = _entries[e];
        var early = entry.Ports.Length == 2 && entry.HoldCycles[0] != entry.HoldCycles[1] ? EarlyIndex(entry) : -1;
        for (var j = 0; j < entry.Ports.Length; j++)
        {
            if (j != early)
            {
                ReleasePort(entry.Ports[j], t);
            }
        }

        _moving[e] = false;
        _rules.Moved(e, _next[e]++);
        Wake(_consumer, t);
    }

    private void ReleasePort(int p, long t)
    {
        _inUse[p]--;
        if (_waiting[p].TryDequeue(out var who))
        {
            _inUse[p]++;
            Push(t, Granted, who);
        }
    }

    private void StepConsumer(long t)
    {
        while (true)
        {
            if (_iteration == _iterations)
            {
                _rules.Close();
                for (var e = 0; e < _entries.Length; e++)
                {
                    if (_entries[e].IsOutput)
                    {
                        Wake(e, t);
                    }
                }

                return;
            }

            for (; _check < _entries.Length; _check++)
            {
                if (_rules.Blocks(_check, _iteration))
                {
                    _consumerSleeping = true;
                    return;
                }
            }

            if (_computeFirst < 0)
            {
                _computeFirst = t;
            }

            _computeLast = t + _computeCycles;
            _computeBusy += _computeCycles;
            if (_computeCycles > 0)
            {
                Push(t + _computeCycles, ComputeDone, _consumer);
                return;
            }

            FinishCompute(t);
        }
    }

    private void FinishCompute(long t)
    {
        for (var e = 0; e < _entries.Length; e++)
        {
            if (_rules.Finish(e, _iteration))
            {
                Wake(e, t);
            }
        }

        _iteration++;
        _check = 0;
    }
}
