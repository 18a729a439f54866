using System.Collections;

namespace Comet.Sim;

/// <summary>A hand-written process body that a pool reuses: each use is enumerated once, then the body goes back to its pool.</summary>
/// <remarks>
/// A compiler-built iterator is a new object per process; a model that starts hundreds of thousands of processes of one
/// shape can keep a stack of these instead. A derived body readies itself for a use with <see cref="Rearm"/>, sets
/// <see cref="ProcessBody.Current"/> in <see cref="ProcessBody.MoveNext"/>, and ends the use with <see cref="Retire"/>, which puts it back.
/// </remarks>
/// <typeparam name="TSelf">The derived body, the type its pool holds.</typeparam>
public abstract class RecycledBody<TSelf> : ProcessBody, IEnumerable<Event>
    where TSelf : RecycledBody<TSelf>
{
    private bool _enumerated;

    /// <summary>Creates a body that goes back to <paramref name="spares"/> at the end of each use (never, when null: a body used once).</summary>
    protected RecycledBody(RefStack<TSelf>? spares) => Spares = spares;

    /// <summary>The pool this body goes back to, or null for a body used once.</summary>
    protected RefStack<TSelf>? Spares { get; }

    /// <summary>This body on its first enumeration of a use; after that what <see cref="EnumerateAgain"/> gives.</summary>
    public IEnumerator<Event> GetEnumerator()
    {
        if (_enumerated)
        {
            return EnumerateAgain();
        }

        _enumerated = true;
        return this;
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Ends a use: the body waits on nothing and goes back to its pool; false, what <see cref="ProcessBody.MoveNext"/> returns at its end.</summary>
    protected bool Retire()
    {
        Current = null!;
        Spares?.Push((TSelf)this);
        return false;
    }

    /// <summary>Readies the body for its next use: it may be enumerated once more, and waits on nothing yet.</summary>
    protected void Rearm()
    {
        _enumerated = false;
        Current = null!;
    }

    /// <summary>A second enumeration of one use: an error, since the body may already be back in its pool.</summary>
    protected virtual IEnumerator<Event> EnumerateAgain() =>
        throw new InvalidOperationException($"a recycled {GetType().Name} body is enumerated once per use");
}
