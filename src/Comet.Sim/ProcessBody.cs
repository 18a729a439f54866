using System.Collections;

namespace Comet.Sim;

/// <summary>A process body written out as a class rather than by the compiler: a process steps it with one virtual call and reads its wait as a field, where an iterator costs two interface dispatches per step.</summary>
public abstract class ProcessBody : IEnumerator<Event>
{
    /// <summary>The event the body waits on now.</summary>
    public Event Current { get; protected set; } = null!;

    object IEnumerator.Current => Current;

    /// <summary>Runs the body to its next wait; false when it has ended.</summary>
    public abstract bool MoveNext();

    /// <inheritdoc />
    public void Reset() => throw new NotSupportedException();

    /// <summary>Gives back what an abandoned body still holds; nothing by default.</summary>
    public virtual void Dispose()
    {
    }
}
