namespace Comet.Hardware.Components;

/// <summary>The time-ordered events of a cut-through mesh's routers: a binary heap ordered by (cycle, insertion order).</summary>
internal sealed class MeshCalendar
{
    private MeshEvent[] _heap = new MeshEvent[64];
    private long _sequence;

    /// <summary>Entries pending.</summary>
    public int Count { get; private set; }

    /// <summary>Cycle of the earliest entry, or <see cref="long.MaxValue"/> when there is none.</summary>
    public long NextTime => Count > 0 ? _heap[0].Time : long.MaxValue;

    /// <summary>Adds an entry at cycle <paramref name="time"/>.</summary>
    public void Push(long time, MeshEventKind kind, int index, in PacketHead packet = default)
    {
        if (Count == _heap.Length)
        {
            Array.Resize(ref _heap, _heap.Length * 2);
        }

        var e = new MeshEvent(time, _sequence++, kind, index, packet);
        var i = Count++;
        while (i > 0)
        {
            var parent = (i - 1) / 2;
            if (!Before(e, _heap[parent]))
            {
                break;
            }

            _heap[i] = _heap[parent];
            i = parent;
        }

        _heap[i] = e;
    }

    /// <summary>Removes and returns the earliest entry when it is due by cycle <paramref name="now"/>.</summary>
    public bool TryPopDue(long now, out MeshEvent due)
    {
        if (Count == 0 || _heap[0].Time > now)
        {
            due = default;
            return false;
        }

        due = _heap[0];
        var last = _heap[--Count];
        _heap[Count] = default;
        if (Count > 0)
        {
            var i = 0;
            while (true)
            {
                var child = 2 * i + 1;
                if (child >= Count)
                {
                    break;
                }

                if (child + 1 < Count && Before(_heap[child + 1], _heap[child]))
                {
                    child++;
                }

                if (!Before(_heap[child], last))
                {
                    break;
                }

                _heap[i] = _heap[child];
                i = child;
            }

            _heap[i] = last;
        }

        return true;
    }

    private static bool Before(in MeshEvent a, in MeshEvent b) => a.Time < b.Time || (a.Time == b.Time && a.Sequence < b.Sequence);
}
