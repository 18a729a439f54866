using Comet.Sim;

namespace Comet.Workloads.Execution;

/// <summary>The process body that fills one input tile (<see cref="TemporalSequencer.Fill"/>): waits for its gate, moves the groups not skipped, waits for the groups prefetched earlier, then triggers the tile's ready event; written out by hand so that it is recycled once done.</summary>
internal sealed class TileFill : RecycledBody<TileFill>
{
    private const int Gate = 0;
    private const int Move = 1;
    private const int Fetched = 2;
    private const int Ready = 3;
    private const int Done = 4;

    private readonly TemporalSequencer _sequencer;
    private TemporalRun _state = null!;
    private EntryPlan _entry = null!;
    private int _ordinal;
    private int _iteration;
    private bool[]? _skip;
    private List<Event>? _fetched;
    private Event _ready = null!;
    private int _only;
    private bool _spawn;
    private int _step = Done;

    /// <summary>Creates a reusable body for <paramref name="sequencer"/>, returned to <paramref name="spares"/> when done.</summary>
    public TileFill(TemporalSequencer sequencer, RefStack<TileFill> spares)
        : base(spares)
    {
        _sequencer = sequencer;
    }

    /// <summary>Readies the body as <see cref="TemporalSequencer.Fill"/> describes its arguments; nothing happens until the first <see cref="MoveNext"/>.</summary>
    public TileFill Prepare(TemporalRun state, EntryPlan entry, int ordinal, int iteration, bool[]? skip, List<Event>? fetched, Event ready, int only, bool spawn)
    {
        (_state, _entry, _ordinal, _iteration, _skip, _fetched, _ready, _only, _spawn) = (state, entry, ordinal, iteration, skip, fetched, ready, only, spawn);
        _step = Gate;
        Rearm();
        return this;
    }

    /// <summary>Advances the fill to its next wait; false (and back to the spares) once the tile is ready.</summary>
    public override bool MoveNext()
    {
        var sim = _sequencer.Sim;
        switch (_step)
        {
            case Gate:
                _step = Move;
                if (_entry.Gated)
                {
                    var gate = _state.Gate(_iteration, _entry.Consumer);
                    if (!gate.IsProcessed)
                    {
                        Current = gate;
                        return true;
                    }
                }

                goto case Move;
            case Move:
                _step = Fetched;
                if (_skip is null || Array.IndexOf(_skip, false) >= 0)
                {
                    Current = sim.Call(_sequencer.MoveTile(_state, _entry, _ordinal, false, _skip, _only, _spawn));
                    return true;
                }

                goto case Fetched;
            case Fetched:
                _step = Ready;
                if (_fetched is not null && _fetched.Exists(f => !f.IsProcessed))
                {
                    Current = sim.AllOf([.. _fetched]);
                    return true;
                }

                goto case Ready;
            case Ready:
                _step = Done;
                _ready.Succeed();
                (_state, _entry, _skip, _fetched, _ready) = (null!, null!, null, null, null!);
                return Retire();
            default:
                return false;
        }
    }
}
