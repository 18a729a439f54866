using Comet.Hardware.Components;
using Comet.Sim;
using Comet.Workloads.Inputs;

namespace Comet.Workloads.Execution;

/// <summary>The process body of one tile move started as a process of its own (<see cref="TileMover.Move"/>), written out by hand so that it is recycled once the move is done.</summary>
/// <remarks>
/// Its first step runs <see cref="TileMover.MoveNow"/> in its place (<see cref="Simulation.Call"/>), so the move's
/// work starts when the process first runs, as a compiler-built iterator's would; that iterator would be one object
/// per move, this one goes back to its mover's spares when its last <see cref="MoveNext"/> returns false.
/// </remarks>
internal sealed class DeferredMove : RecycledBody<DeferredMove>
{
    private readonly TileMover _mover;
    private TileEntry _entry = null!;
    private int _target;
    private int[] _children = [];
    private long _bytes;
    private bool _drain;
    private ActivityLabel _label;
    private bool _counted;
    private int _state = 2;

    /// <summary>Creates a reusable body for <paramref name="mover"/>, returned to <paramref name="spares"/> when done.</summary>
    public DeferredMove(TileMover mover, RefStack<DeferredMove> spares)
        : base(spares)
    {
        _mover = mover;
    }

    /// <summary>Readies the body for one move (nothing happens until the first <see cref="MoveNext"/>).</summary>
    public DeferredMove Prepare(TileEntry entry, int target, int[] children, long bytes, bool drain, ActivityLabel label, bool counted)
    {
        (_entry, _target, _children, _bytes, _drain, _label, _counted) = (entry, target, children, bytes, drain, label, counted);
        _state = 0;
        Rearm();
        return this;
    }

    /// <summary>Starts the move in its place; false (and back to the spares) once it is done.</summary>
    public override bool MoveNext()
    {
        switch (_state)
        {
            case 0:
                _state = 1;
                Current = _mover.Simulation.Call(_mover.MoveNow(_entry, _target, _children, _bytes, _drain, _label, _counted));
                return true;
            case 1:
                _state = 2;
                (_entry, _children) = (null!, []);
                return Retire();
            default:
                return false;
        }
    }
}
