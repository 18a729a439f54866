namespace Comet.Hardware.Components;

/// <summary>The transfers of a cut-through mesh that sleep until a cycle, the earliest such cycle at hand: a binary min-heap on <see cref="PacketFlow.SleepUntil"/> in which each flow knows its place, so it leaves in O(log n).</summary>
internal sealed class SleeperHeap
{
    private PacketFlow[] _items = new PacketFlow[16];
    private int _count;

    /// <summary>The earliest wake-up cycle among the sleepers, or <see cref="long.MaxValue"/> when none sleeps.</summary>
    public long Earliest => _count == 0 ? long.MaxValue : _items[0].SleepUntil;

    /// <summary>Adds <paramref name="flow"/>, whose <see cref="PacketFlow.SleepUntil"/> is set and stays put until it is removed.</summary>
    public void Add(PacketFlow flow)
    {
        if (_count == _items.Length)
        {
            Array.Resize(ref _items, _count * 2);
        }

        Place(flow, _count++);
        SiftUp(flow.SleeperIndex);
    }

    /// <summary>Removes <paramref name="flow"/>, which sleeps here.</summary>
    public void Remove(PacketFlow flow)
    {
        var i = flow.SleeperIndex;
        flow.SleeperIndex = -1;
        var last = _items[--_count];
        _items[_count] = null!;
        if (i < _count)
        {
            Place(last, i);
            SiftDown(i);
            SiftUp(last.SleeperIndex);
        }
    }

    private void Place(PacketFlow flow, int i)
    {
        _items[i] = flow;
        flow.SleeperIndex = i;
    }

    private void SiftUp(int i)
    {
        var flow = _items[i];
        while (i > 0)
        {
            var parent = (i - 1) / 2;
            if (_items[parent].SleepUntil <= flow.SleepUntil)
            {
                break;
            }

            Place(_items[parent], i);
            i = parent;
        }

        Place(flow, i);
    }

    private void SiftDown(int i)
    {
        var flow = _items[i];
        while (true)
        {
            var child = 2 * i + 1;
            if (child >= _count)
            {
                break;
            }

            if (child + 1 < _count && _items[child + 1].SleepUntil < _items[child].SleepUntil)
            {
                child++;
            }

            if (_items[child].SleepUntil >= flow.SleepUntil)
            {
                break;
            }

            Place(_items[child], i);
            i = child;
        }

        Place(flow, i);
    }
}
