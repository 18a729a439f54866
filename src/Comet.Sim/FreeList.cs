using System.Runtime.CompilerServices;

namespace Comet.Sim;

/// <summary>A last-in, first-out pool of spare objects (pooled events, process bodies, call stacks), the most recently returned one handed out first.</summary>
/// <remarks>
/// It behaves like a <see cref="Stack{T}"/> of the same pushes and pops, but keeps each item in a struct slot: storing
/// a reference into a plain <c>T[]</c> of a reference type costs the runtime's array-covariance check on every push
/// (a helper call, dearer still for an interface type), and a stack also keeps a version count for enumeration, which
/// a pool never needs. Pools are taken and given back millions of times in a run.
/// </remarks>
/// <typeparam name="T">The pooled type.</typeparam>
public sealed class FreeList<T>
    where T : class
{
    private Slot[] _slots = new Slot[16];

    /// <summary>Spare items held.</summary>
    public int Count { get; private set; }

    /// <summary>Gives <paramref name="item"/> back to the pool.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Push(T item)
    {
        if (Count == _slots.Length)
        {
            Array.Resize(ref _slots, _slots.Length * 2);
        }

        _slots[Count++].Item = item;
    }

    /// <summary>Takes the most recently returned item; false when the pool is empty.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryPop([System.Diagnostics.CodeAnalysis.MaybeNullWhen(false)] out T item)
    {
        if (Count == 0)
        {
            item = null;
            return false;
        }

        ref var slot = ref _slots[--Count];
        item = slot.Item!;
        slot.Item = null;
        return true;
    }

    private struct Slot
    {
        public T? Item;
    }
}
