namespace Comet.Sim;

/// <summary>A 4-ary min-heap of <see cref="ScheduledEvent"/> structs keyed by (time, order); no allocation once grown. Holds the events too far ahead for the timing wheel.</summary>
internal sealed class EventHeap
{
    private ScheduledEvent[] _items = new ScheduledEvent[64];
    private int _count;

    /// <summary>Number of scheduled events.</summary>
    public int Count => _count;

    /// <summary>Time of the earliest event; only valid when <see cref="Count"/> is positive.</summary>
    public long PeekTime => _items[0].Time;

    /// <summary>Adds an entry.</summary>
    public void Push(long time, long order, Event ev)
    {
        if (_count == _items.Length)
            Array.Resize(ref _items, _items.Length * 2);
        var items = _items;
        var i = _count++;
        // Sift up: move parents down until the new entry's slot is found, then write it once.
        while (i > 0)
        {
            var parent = (i - 1) >> 2;
            ref var p = ref items[parent];
            if (p.Time < time || (p.Time == time && p.Order < order))
                break;
            items[i] = p;
            i = parent;
        }
        items[i] = new ScheduledEvent(time, order, ev);
    }

    /// <summary>Removes and returns the earliest entry; the queue must not be empty.</summary>
    public ScheduledEvent Pop()
    {
        var items = _items;
        var top = items[0];
        var n = --_count;
        if (n > 0)
        {
            var last = items[n];
            items[n] = default;
            SiftDown(items, n, last);
        }
        else
        {
            items[0] = default;
        }
        return top;
    }

    private static void SiftDown(ScheduledEvent[] items, int n, ScheduledEvent moving)
    {
        var i = 0;
        while (true)
        {
            var first = (i << 2) + 1;
            if (first >= n)
                break;
            // Find the smallest of up to four children.
            var best = first;
            ref var b = ref items[first];
            var end = Math.Min(first + 4, n);
            for (var c = first + 1; c < end; c++)
            {
                ref var cand = ref items[c];
                if (cand.Time < b.Time || (cand.Time == b.Time && cand.Order < b.Order))
                {
                    best = c;
                    b = ref cand;
                }
            }
            if (moving.Time < b.Time || (moving.Time == b.Time && moving.Order <= b.Order))
                break;
            items[i] = b;
            i = best;
        }
        items[i] = moving;
    }
}
