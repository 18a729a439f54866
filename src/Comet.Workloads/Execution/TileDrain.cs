using System.Collections;
using Comet.Sim;

namespace Comet.Workloads.Execution;

/// <summary>The process body that drains one output tile (<see cref="TemporalSequencer.Drain"/>): moves it back to its target, then gives its space back; written out by hand so that it is recycled once done.</summary>
internal sealed class TileDrain : IEnumerable<Event>, IEnumerator<Event>
{
    private readonly TemporalSequencer _sequencer;
    private readonly Stack<TileDrain> _spares;
    private TemporalRun _state = null!;
    private EntryPlan _entry = null!;
    private int _ordinal;
    private int _only;
    private int _step = 2;
    private bool _enumerated;

    /// <summary>Creates a reusable body for <paramref name="sequencer"/>, returned to <paramref name="spares"/> when done.</summary>
    public TileDrain(TemporalSequencer sequencer, Stack<TileDrain> spares)
    {
        _sequencer = sequencer;
        _spares = spares;
    }

    /// <summary>Readies the body for tile <paramref name="ordinal"/> of <paramref name="entry"/> (group <paramref name="only"/> alone when ≥ 0); nothing happens until the first <see cref="MoveNext"/>.</summary>
    public TileDrain Prepare(TemporalRun state, EntryPlan entry, int ordinal, int only)
    {
        (_state, _entry, _ordinal, _only) = (state, entry, ordinal, only);
        (_step, _enumerated) = (0, false);
        Current = null!;
        return this;
    }

    /// <summary>The event the drain waits on.</summary>
    public Event Current { get; private set; } = null!;

    object IEnumerator.Current => Current;

    /// <summary>Starts the move in its place, then gives the space back; false (and back to the spares) once done.</summary>
    public bool MoveNext()
    {
        switch (_step)
        {
            case 0:
                _step = 1;
                Current = _sequencer.Sim.Call(_sequencer.MoveTile(_state, _entry, _ordinal, true, null, _only, false));
                return true;
            case 1:
                _step = 2;
                _sequencer.Release(_state, _entry, keep: true, _only);
                Current = null!;
                (_state, _entry) = (null!, null!);
                _spares.Push(this);
                return false;
            default:
                return false;
        }
    }

    /// <summary>This body, once: it is recycled, so enumerating it again is an error.</summary>
    public IEnumerator<Event> GetEnumerator()
    {
        if (_enumerated)
        {
            throw new InvalidOperationException("a recycled tile body is enumerated once");
        }

        _enumerated = true;
        return this;
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <inheritdoc />
    public void Reset() => throw new NotSupportedException();

    /// <summary>Nothing to give back (an abandoned body is not recycled).</summary>
    public void Dispose()
    {
    }
}
