using System.Runtime.CompilerServices;

namespace Comet.Sim;

/// <summary>A last-in, first-out stack of references kept in struct slots: the kernel's pools of spare objects (pooled events, process bodies, call stacks) and a process's stack of suspended callers.</summary>
/// <remarks>
/// It behaves like a <see cref="Stack{T}"/> of the same pushes and pops, but keeps each item in a struct slot: storing
/// a reference into a plain <c>T[]</c> of a reference type costs the runtime's array-covariance check on every push
/// (a helper call, dearer still for an interface type), and a stack also keeps a version count for enumeration, which
/// these never need. They are pushed and popped millions of times in a run.
/// </remarks>
/// <typeparam name="T">The pooled type.</typeparam>
public sealed class RefStack<T>
    where T : class
{
    private Slot[] _slots = [];

    /// <summary>Items held.</summary>
    public int Count { get; private set; }

    /// <summary>Puts <paramref name="item"/> on top.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Push(T item)
    {
        if (Count == _slots.Length)
        {
            Array.Resize(ref _slots, Math.Max(16, _slots.Length * 2));
        }

        _slots[Count++].Item = item;
    }

    /// <summary>Takes the item on top (the most recently pushed); false when the stack is empty.</summary>
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
