using System.Numerics;

namespace Comet.Hardware.Components;

/// <summary>The time-ordered events of a cut-through mesh's routers, ordered by (cycle, insertion order): a wheel of one-cycle FIFO slots for the next <see cref="WheelSize"/> cycles and a binary heap beyond.</summary>
/// <remarks>
/// Router events fall a hop latency or a packet's serialization ahead, so the wheel takes almost all of them in O(1);
/// the heap keeps the rare far one until the wheel reaches its cycle, when it is inserted in insertion order.
/// </remarks>
internal sealed class MeshCalendar
{
    /// <summary>Most cycles a wheel covers.</summary>
    public const int MaxWheelSize = 256;

    /// <summary>Fewest cycles a wheel covers.</summary>
    public const int MinWheelSize = 16;

    private readonly int _mask;
    private readonly int _words;
    private readonly MeshEvent[][] _slots;
    private readonly int[] _first;
    private readonly int[] _count;
    private readonly ulong[] _occupied;
    private MeshEvent[] _far = new MeshEvent[16];
    private int _farCount;
    private int _wheelCount;
    private long _base;
    private long _sequence;

    // The earliest pending cycle, kept while it is known (a push can only lower it; emptying its slot forgets it).
    private long _next = long.MaxValue;
    private bool _nextKnown = true;

    /// <summary>A calendar whose wheel covers <paramref name="horizonCycles"/> rounded up to a power of two within [<see cref="MinWheelSize"/>, <see cref="MaxWheelSize"/>].</summary>
    /// <remarks>A wheel no longer than the routers' events reach ahead keeps its slots in cache: a slot is touched again a wheel's length later, and everything the simulation did in between passes through the cache first.</remarks>
    public MeshCalendar(long horizonCycles = MaxWheelSize)
    {
        WheelSize = (int)Math.Min(MaxWheelSize, BitOperations.RoundUpToPowerOf2((ulong)Math.Max(MinWheelSize, horizonCycles)));
        _mask = WheelSize - 1;
        _words = Math.Max(1, WheelSize / 64);
        _slots = new MeshEvent[WheelSize][];
        _first = new int[WheelSize];
        _count = new int[WheelSize];
        _occupied = new ulong[_words];
    }

    /// <summary>Cycles the wheel covers from its base (a power of two).</summary>
    public int WheelSize { get; }

    /// <summary>Entries pending.</summary>
    public int Count => _wheelCount + _farCount;

    /// <summary>Cycle of the earliest entry, or <see cref="long.MaxValue"/> when there is none.</summary>
    public long NextTime
    {
        get
        {
            if (!_nextKnown)
            {
                _next = Earliest();
                _nextKnown = true;
            }

            return _next;
        }
    }

    private long Earliest()
    {
        var next = _farCount > 0 ? _far[0].Time : long.MaxValue;
        if (_wheelCount == 0)
        {
            return next;
        }

        var start = (int)(_base & _mask);
        // A wheel of 64 slots or fewer is one word (its unused high bits never set).
        for (var step = 0; step <= _words; step++)
        {
            var word = ((start >> 6) + step) & (_words - 1);
            var bits = _occupied[word];
            if (step == 0)
            {
                bits &= ulong.MaxValue << (start & 63);
            }
            else if (step == _words)
            {
                bits &= (1UL << (start & 63)) - 1;
            }

            if (bits != 0)
            {
                var index = (word << 6) + BitOperations.TrailingZeroCount(bits);
                return Math.Min(next, _base + ((index - start) & _mask));
            }
        }

        return next;
    }

    /// <summary>Adds an entry at cycle <paramref name="time"/> (not before the last entry taken).</summary>
    public void Push(long time, MeshEventKind kind, int index)
    {
        var e = new MeshEvent(time, _sequence++, kind, index);
        if (time < _next)
        {
            _next = time;
        }

        if (time - _base < WheelSize)
        {
            Append(e);
        }
        else
        {
            PushFar(e);
        }
    }

    /// <summary>Removes and returns the earliest entry when it is due by cycle <paramref name="now"/>.</summary>
    public bool TryPopDue(long now, out MeshEvent due)
    {
        var next = NextTime;
        if (next > now)
        {
            due = default;
            return false;
        }

        if (next != _base)
        {
            Advance(next);
        }

        var slot = (int)(next & _mask);
        var items = _slots[slot];
        due = items[_first[slot]];
        items[_first[slot]] = default;
        _first[slot]++;
        _wheelCount--;
        if (--_count[slot] == 0)
        {
            _first[slot] = 0;
            _occupied[slot >> 6] &= ~(1UL << slot);
            _nextKnown = false;
        }

        return true;
    }

    // Moves the wheel's base to `time` (the earliest pending cycle) and brings the far entries now in reach onto it.
    private void Advance(long time)
    {
        _base = time;
        while (_farCount > 0 && _far[0].Time - _base < WheelSize)
        {
            Append(PopFar());
        }
    }

    private void Append(in MeshEvent e)
    {
        var slot = (int)(e.Time & _mask);
        var items = _slots[slot] ??= new MeshEvent[4];
        var first = _first[slot];
        var count = _count[slot];
        if (first + count == items.Length)
        {
            if (first > 0)
            {
                Array.Copy(items, first, items, 0, count);
            }
            else
            {
                Array.Resize(ref items, items.Length * 2);
                _slots[slot] = items;
            }

            first = 0;
            _first[slot] = 0;
        }

        // Entries arrive in insertion order, except a far entry brought in late: it goes before later insertions.
        var at = first + count;
        while (at > first && items[at - 1].Sequence > e.Sequence)
        {
            items[at] = items[at - 1];
            at--;
        }

        items[at] = e;
        _count[slot] = count + 1;
        _occupied[slot >> 6] |= 1UL << slot;
        _wheelCount++;
    }

    private void PushFar(in MeshEvent e)
    {
        if (_farCount == _far.Length)
        {
            Array.Resize(ref _far, _far.Length * 2);
        }

        var i = _farCount++;
        while (i > 0)
        {
            var parent = (i - 1) / 2;
            if (!Before(e, _far[parent]))
            {
                break;
            }

            _far[i] = _far[parent];
            i = parent;
        }

        _far[i] = e;
    }

    private MeshEvent PopFar()
    {
        var top = _far[0];
        var last = _far[--_farCount];
        _far[_farCount] = default;
        if (_farCount > 0)
        {
            var i = 0;
            while (true)
            {
                var child = 2 * i + 1;
                if (child >= _farCount)
                {
                    break;
                }

                if (child + 1 < _farCount && Before(_far[child + 1], _far[child]))
                {
                    child++;
                }

                if (!Before(_far[child], last))
                {
                    break;
                }

                _far[i] = _far[child];
                i = child;
            }

            _far[i] = last;
        }

        return top;
    }

    private static bool Before(in MeshEvent a, in MeshEvent b) => a.Time < b.Time || (a.Time == b.Time && a.Sequence < b.Sequence);
}
