using System.Numerics;
using System.Runtime.CompilerServices;

namespace Comet.Sim;

/// <summary>The pending events ordered by (time, priority, insertion sequence): a timing wheel of one-cycle FIFO slots for the next cycles and a 4-ary heap beyond.</summary>
/// <remarks>
/// Cycle-level models schedule almost everything a few to a few thousand cycles ahead, so a wheel of
/// <see cref="WheelSize"/> slots gives O(1) scheduling and popping where a heap pays O(log n) for each. The slot of the
/// current cycle is read in place from a cursor; appends arrive with increasing sequence numbers, so a slot is in key
/// order, and the rare entry that must jump ahead (an urgent start or interrupt, a far event meeting wheel events in
/// one cycle) is inserted into place.
/// </remarks>
internal sealed class EventQueue
{
    /// <summary>Number of cycles the wheel covers, the current one included.</summary>
    public const int WheelSize = 2048;

    private const int Mask = WheelSize - 1;
    private const int Words = WheelSize / 64;

    // Emptied slot arrays longer than this go back to the spares, so a burst does not leave big arrays in idle slots.
    private const int KeepArrayLength = 256;

    private readonly WheelSlot[] _slots = new WheelSlot[WheelSize];
    private readonly ulong[] _occupied = new ulong[Words];
    private readonly EventHeap _far = new();
    // Spare slot arrays by length (index: log2 of the length; lengths are powers of two): a slot that grows leaves its
    // shorter array here for the next slot of that size, instead of to the garbage collector.
    private readonly Stack<WheelEntry[]>?[] _spareArrays = new Stack<WheelEntry[]>?[32];
    private int _head;
    private int _wheelCount;

    // Urgent entries of the current cycle (process starts, interrupts) in insertion order. They go before every
    // ordinary entry of the cycle; kept apart, each costs O(1) instead of shifting the cycle's whole slot to make room.
    private WheelEntry[] _urgent = new WheelEntry[16];
    private int _urgentFirst;
    private int _urgentCount;

    // Length of the longest slot array so far: new and grown arrays start there, so every slot reaches its working
    // size on first use instead of each one growing through the same sizes on its own.
    private int _arrayLength = 8;

    // Earliest future time pushed since the clock last moved, and how many future entries were pushed since then:
    // when those are all the future entries (a sparse wheel), the next time is known without scanning the bitmap.
    private long _hint = long.MaxValue;
    private int _pushedSinceAdvance;
    private long _now;

    /// <summary>Number of scheduled events.</summary>
    public int Count => _wheelCount + _far.Count + _urgentCount;

    /// <summary>The current cycle; entries at this time are popped first.</summary>
    public long Now => _now;

    /// <summary>Adds an event at absolute cycle <paramref name="time"/>, which must not lie before <see cref="Now"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Push(long time, long order, Event ev)
    {
        var delta = time - _now;
        if ((ulong)delta < WheelSize)
        {
            var index = (int)(time & Mask);
            ref var slot = ref _slots[index];
            var items = slot.Items;
            var count = slot.Count;
            if (items is null || count == items.Length)
                items = Grow(ref slot);
            if (count > 0 && items[count - 1].Order > order)
            {
                InsertInOrder(ref slot, order, ev, delta == 0 ? _head : 0);
            }
            else
            {
                items[count] = new WheelEntry(order, ev);
                slot.Count = count + 1;
            }
            _occupied[index >> 6] |= 1UL << index;
            _wheelCount++;
            if (delta != 0)
            {
                _pushedSinceAdvance++;
                if (time < _hint)
                    _hint = time;
            }
        }
        else
        {
            if (delta < 0)
                throw new InvalidOperationException($"cannot schedule at cycle {time}, before the current cycle {_now}");
            _far.Push(time, order, ev);
        }
    }

    /// <summary>Adds an event due at <see cref="Now"/> whose <paramref name="order"/> lies below that of every ordinary event (an urgent start or interrupt).</summary>
    public void PushUrgent(long order, Event ev)
    {
        if (_urgentFirst + _urgentCount == _urgent.Length)
        {
            if (_urgentFirst > 0)
            {
                Array.Copy(_urgent, _urgentFirst, _urgent, 0, _urgentCount);
                Array.Clear(_urgent, _urgentCount, _urgentFirst);
            }
            else
            {
                Array.Resize(ref _urgent, _urgent.Length * 2);
            }
            _urgentFirst = 0;
        }
        _urgent[_urgentFirst + _urgentCount++] = new WheelEntry(order, ev);
    }

    /// <summary>Returns the time of the earliest event, or false when none is pending.</summary>
    public bool TryPeekTime(out long time)
    {
        if (_urgentCount > 0)
        {
            time = _now;
            return true;
        }
        if (_head < _slots[(int)(_now & Mask)].Count)
        {
            time = _now;
            return true;
        }
        return TryFindNext(out time);
    }

    /// <summary>Removes the earliest event, advancing <see cref="Now"/> to its time; false when none is pending.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryPop(out Event ev, out long time)
    {
        ref var slot = ref _slots[(int)(_now & Mask)];
        // An urgent entry goes first, unless the slot's next entry was pushed as an ordinary one with a smaller key.
        if (_urgentCount > 0 && (_head >= slot.Count || slot.Items![_head].Order > _urgent[_urgentFirst].Order))
        {
            ref var urgent = ref _urgent[_urgentFirst];
            ev = urgent.Event;
            urgent = default;
            _urgentFirst = --_urgentCount == 0 ? 0 : _urgentFirst + 1;
            time = _now;
            return true;
        }
        if (_head >= slot.Count)
        {
            if (!Advance())
            {
                ev = null!;
                time = _now;
                return false;
            }
            slot = ref _slots[(int)(_now & Mask)];
        }
        ref var entry = ref slot.Items![_head];
        ev = entry.Event;
        entry = default;
        _wheelCount--;
        if (++_head == slot.Count)
            EmptyCurrent(ref slot);
        time = _now;
        return true;
    }

    /// <summary>Moves the clock to <paramref name="time"/>, which must not lie after the earliest pending event.</summary>
    public void AdvanceTo(long time)
    {
        if (time == _now)
            return;
        if (time < _now || (TryPeekTime(out var next) && next < time))
            throw new InvalidOperationException($"cannot move the clock from {_now} to {time} past pending events");
        MoveClock(time);
    }

    private WheelEntry[] Grow(ref WheelSlot slot)
    {
        if (slot.Items is null)
        {
            var first = Math.Min(_arrayLength, KeepArrayLength);
            slot.Items = TakeSpare(first) ?? new WheelEntry[first];
        }
        else
        {
            // Double a slot that overflows (at least to the usual working size): jumping straight to the longest array
            // ever seen made every later burst of a few hundred events allocate that much (half a MiB on the cloud case).
            var length = Math.Max(slot.Items.Length * 2, Math.Min(_arrayLength, KeepArrayLength));
            _arrayLength = Math.Max(_arrayLength, length);
            var longer = TakeSpare(length) ?? new WheelEntry[length];
            Array.Copy(slot.Items, longer, slot.Count);
            Array.Clear(slot.Items);
            Spare(slot.Items);
            slot.Items = longer;
        }
        return slot.Items;
    }

    /// <summary>A spare array of at least <paramref name="length"/> entries (the shortest such), or null.</summary>
    private WheelEntry[]? TakeSpare(int length)
    {
        for (var k = BitOperations.Log2((uint)length); k < _spareArrays.Length; k++)
        {
            if (_spareArrays[k] is { Count: > 0 } spares && spares.Peek().Length >= length)
                return spares.Pop();
        }
        return null;
    }

    /// <summary>Keeps an emptied (all default) slot array for reuse.</summary>
    private void Spare(WheelEntry[] items) => (_spareArrays[BitOperations.Log2((uint)items.Length)] ??= new Stack<WheelEntry[]>()).Push(items);

    private static void InsertInOrder(ref WheelSlot slot, long order, Event ev, int floor)
    {
        // Entries before `floor` were already popped from the current slot and must not move.
        var items = slot.Items!;
        var i = slot.Count;
        while (i > floor && items[i - 1].Order > order)
        {
            items[i] = items[i - 1];
            i--;
        }
        items[i] = new WheelEntry(order, ev);
        slot.Count++;
    }

    private void EmptyCurrent(ref WheelSlot slot)
    {
        slot.Count = 0;
        _head = 0;
        var index = (int)(_now & Mask);
        _occupied[index >> 6] &= ~(1UL << index);
        if (slot.Items!.Length > KeepArrayLength)
        {
            Spare(slot.Items);
            slot.Items = null;
        }
    }

    private bool Advance()
    {
        if (!TryFindNext(out var next))
            return false;
        MoveClock(next);
        return true;
    }

    private void MoveClock(long time)
    {
        _now = time;
        _head = 0;
        _hint = long.MaxValue;
        _pushedSinceAdvance = 0;
        MergeFar();
    }

    /// <summary>Moves far events of the (new) current cycle into its slot, in key order.</summary>
    private void MergeFar()
    {
        while (_far.Count > 0 && _far.PeekTime == _now)
        {
            var e = _far.Pop();
            Push(_now, e.Order, e.Event);
        }
    }

    /// <summary>Finds the earliest pending time beyond the (exhausted) current slot.</summary>
    private bool TryFindNext(out long time)
    {
        var found = false;
        time = long.MaxValue;
        if (_wheelCount > 0 && _wheelCount == _pushedSinceAdvance)
        {
            time = _hint;
            found = true;
        }
        else if (_wheelCount > 0)
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
