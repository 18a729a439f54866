using Comet.Sim;

namespace Comet.Workloads.Execution;

/// <summary>The process body that drains one output tile (<see cref="TemporalSequencer.Drain"/>): moves it back to its target, then gives its space back; written out by hand so that it is recycled once done.</summary>
internal sealed class TileDrain : RecycledBody<TileDrain>
{
    private readonly TemporalSequencer _sequencer;
    private TemporalRun _state = null!;
    private EntryPlan _entry = null!;
    private int _ordinal;
    private int _only;
    private int _step = 2;

    /// <summary>Creates a reusable body for <paramref name="sequencer"/>, returned to <paramref name="spares"/> when done.</summary>
    public TileDrain(TemporalSequencer sequencer, RefStack<TileDrain> spares)
        : base(spares)
    {
        _sequencer = sequencer;
    }

    /// <summary>Readies the body for tile <paramref name="ordinal"/> of <paramref name="entry"/> (group <paramref name="only"/> alone when ≥ 0); nothing happens until the first <see cref="MoveNext"/>.</summary>
    public TileDrain Prepare(TemporalRun state, EntryPlan entry, int ordinal, int only)
    {
        (_state, _entry, _ordinal, _only) = (state, entry, ordinal, only);
        _step = 0;
        Rearm();
        return this;
    }

    /// <summary>Starts the move in its place, then gives the space back; false (and back to the spares) once done.</summary>
    public override bool MoveNext()
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
                (_state, _entry) = (null!, null!);
                return Retire();
            default:
                return false;
        }
    }
}
