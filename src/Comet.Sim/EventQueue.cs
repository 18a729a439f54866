using System.Numerics;

namespace Comet.Sim;

/// <summary>The pending events ordered by (time, priority, insertion sequence): a batch for the current cycle, a timing wheel for the next cycles and a 4-ary heap beyond.</summary>
/// <remarks>
/// Cycle-level models schedule almost everything a few to a few thousand cycles ahead, so a wheel of
/// <see cref="WheelSize"/> FIFO slots gives O(1) scheduling and popping where a heap pays O(log n) for each.
/// Within a cycle, entries are taken in order key order: appends arrive with increasing sequence numbers, and the rare
/// entry that must jump ahead (an urgent start or interrupt) is inserted into place.
/// </remarks>
internal sealed class EventQueue
{
    /// <summary>Number of cycles the wheel covers ahead of the current cycle.</summary>
    public const int WheelSize = 2048;

    private const int Mask = WheelSize - 1;
    private const int Words = WheelSize / 64;

    private readonly WheelSlot[] _slots = new WheelSlot[WheelSize];
    private readonly ulong[] _occupied = new ulong[Words];
    private readonly EventHeap _far = new();

    // Emptied slot arrays wait here for the next slot that needs one, so only occupied slots hold memory.
    private readonly Stack<WheelEntry[]> _spareArrays = new();
    private WheelEntry[] _batch = new WheelEntry[16];
    private int _batchHead;
    private int _batchCount;
    private int _wheelCount;
    private long _now;

    /// <summary>Number of scheduled events.</summary>
    public int Count => _batchCount - _batchHead + _wheelCount + _far.Count;

    /// <summary>The cycle of the current batch; entries at this time are popped first.</summary>
    public long Now => _now;

    /// <summary>Adds an event at absolute cycle <paramref name="time"/>, which must not lie before <see cref="Now"/>.</summary>
    public void Push(long time, long order, Event ev)
    {
        var delta = time - _now;
        if (delta == 0)
        {
            PushCurrent(order, ev);
        }
        else if ((ulong)delta < WheelSize)
        {
            var index = (int)(time & Mask);
            ref var slot = ref _slots[index];
            if (slot.Items is null)
                slot.Items = _spareArrays.TryPop(out var spare) ? spare : new WheelEntry[16];
            else if (slot.Count == slot.Items.Length)
                Array.Resize(ref slot.Items, slot.Items.Length * 2);
            if (slot.Count > 0 && slot.Items[slot.Count - 1].Order > order)
                slot.Unsorted = true;
            slot.Items[slot.Count++] = new WheelEntry(order, ev);
            _occupied[index >> 6] |= 1UL << index;
            _wheelCount++;
        }
        else
        {
            if (delta < 0)
                throw new InvalidOperationException($"cannot schedule at cycle {time}, before the current cycle {_now}");
            _far.Push(time, order, ev);
        }
    }

    /// <summary>Returns the time of the earliest event, or false when none is pending.</summary>
    public bool TryPeekTime(out long time)
    {
        if (_batchHead < _batchCount)
        {
            time = _now;
            return true;
        }
        return TryFindNext(out time);
    }

    /// <summary>Removes the earliest event, advancing <see cref="Now"/> to its time; false when none is pending.</summary>
    public bool TryPop(out Event ev, out long time)
    {
        if (_batchHead == _batchCount && !Advance())
        {
            ev = null!;
            time = _now;
            return false;
        }
        ref var entry = ref _batch[_batchHead];
        ev = entry.Event;
        entry = default;
        if (++_batchHead == _batchCount)
            _batchHead = _batchCount = 0;
        time = _now;
        return true;
    }

    /// <summary>Moves the clock to <paramref name="time"/>, which must not lie after the earliest pending event.</summary>
    public void AdvanceTo(long time)
    {
        if (time == _now)
            return;
        if (time < _now || _batchHead < _batchCount || (TryFindNext(out var next) && next < time))
            throw new InvalidOperationException($"cannot move the clock from {_now} to {time} past pending events");
        _now = time;
        LoadBatch();
    }

    private void PushCurrent(long order, Event ev)
    {
        if (_batchCount == _batch.Length)
        {
            if (_batchHead > 0)
            {
                Array.Copy(_batch, _batchHead, _batch, 0, _batchCount - _batchHead);
                Array.Clear(_batch, _batchCount - _batchHead, _batchHead);
                _batchCount -= _batchHead;
                _batchHead = 0;
            }
            else
            {
                Array.Resize(ref _batch, _batch.Length * 2);
            }
        }
        var i = _batchCount;
        // Usually the new entry has the largest key and is appended; an urgent one slides in front of later keys.
        while (i > _batchHead && _batch[i - 1].Order > order)
        {
            _batch[i] = _batch[i - 1];
            i--;
        }
        _batch[i] = new WheelEntry(order, ev);
        _batchCount++;
    }

    private bool Advance()
    {
        if (!TryFindNext(out var next))
            return false;
        _now = next;
        LoadBatch();
        return true;
    }

    /// <summary>Fills the (empty) batch with every entry at <see cref="Now"/> from the heap and the wheel, in key order.</summary>
    private void LoadBatch()
    {
        var fromFar = 0;
        while (_far.Count > 0 && _far.PeekTime == _now)
        {
            var e = _far.Pop();
            AppendBatch(new WheelEntry(e.Order, e.Event));
            fromFar++;
        }
        var index = (int)(_now & Mask);
        ref var slot = ref _slots[index];
        if (slot.Count > 0)
        {
            var items = slot.Items!;
            if (_batchCount == 0)
            {
                // Take the slot's array as the batch instead of copying; the empty batch array becomes a spare.
                _spareArrays.Push(_batch);
                _batch = items;
                _batchCount = slot.Count;
            }
            else
            {
                for (var i = 0; i < slot.Count; i++)
                    AppendBatch(items[i]);
                Array.Clear(items, 0, slot.Count);
                _spareArrays.Push(items);
            }
            slot.Items = null;
            _wheelCount -= slot.Count;
            slot.Count = 0;
            _occupied[index >> 6] &= ~(1UL << index);
            if (fromFar > 0 || slot.Unsorted)
                SortBatchIfNeeded();
            slot.Unsorted = false;
        }
    }

    private void AppendBatch(in WheelEntry entry)
    {
        if (_batchCount == _batch.Length)
            Array.Resize(ref _batch, _batch.Length * 2);
        _batch[_batchCount++] = entry;
    }

    private void SortBatchIfNeeded()
    {
        for (var i = _batchHead + 1; i < _batchCount; i++)
        {
            if (_batch[i - 1].Order > _batch[i].Order)
            {
                Array.Sort(_batch, _batchHead, _batchCount - _batchHead, WheelEntryComparer.Instance);
                return;
            }
        }
    }

    /// <summary>Finds the earliest pending time beyond the (empty) current batch.</summary>
    private bool TryFindNext(out long time)
    {
        var found = false;
        time = long.MaxValue;
        if (_wheelCount > 0)
        {
            var start = (int)(_now & Mask);
            var word = start >> 6;
            var bits = _occupied[word] & (ulong.MaxValue << (start & 63));
            for (var step = 0; step <= Words; step++)
            {
                if (bits != 0)
                {
                    var index = (word << 6) + BitOperations.TrailingZeroCount(bits);
                    time = _now + ((index - start) & Mask);
                    found = true;
                    break;
                }
                word = (word + 1) & (Words - 1);
                bits = _occupied[word];
                if (step == Words - 1)
                    bits &= (1UL << (start & 63)) - 1; // back at the start word: only slots before the start remain
            }
        }
        if (_far.Count > 0 && _far.PeekTime < time)
        {
            time = _far.PeekTime;
            found = true;
        }
        return found;
    }
}
