using Comet.Sim;
using Comet.Workloads.Inputs;

namespace Comet.Workloads.Execution;

/// <summary>A lane waiting at a barrier of free lanes until the last lane arrives, written out by hand so that it is recycled once the wait is over.</summary>
/// <remarks>It waits on the meeting's event, then has its wait noted (<see cref="TemporalLanes.Waited"/>); a compiler-built iterator would be one object per lane and barrier. It is enumerated once.</remarks>
internal sealed class BarrierWait : RecycledBody<BarrierWait>
{
    private readonly TemporalLanes _owner;
    private LaneRun _lanes = null!;
    private int _lane;
    private int _iteration;
    private MappingNode _child = null!;
    private Event _done = null!;
    private long _asked;
    private int _state = 2;

    /// <summary>Creates a reusable wait for <paramref name="owner"/>, returned to <paramref name="spares"/> when over.</summary>
    public BarrierWait(TemporalLanes owner, RefStack<BarrierWait> spares)
        : base(spares)
    {
        _owner = owner;
    }

    /// <summary>Readies the wait of lane <paramref name="lane"/> at iteration <paramref name="iteration"/>'s barrier before <paramref name="child"/>, on <paramref name="done"/>, from <paramref name="asked"/>.</summary>
    public BarrierWait Prepare(LaneRun lanes, int lane, int iteration, MappingNode child, Event done, long asked)
    {
        (_lanes, _lane, _iteration, _child, _done, _asked) = (lanes, lane, iteration, child, done, asked);
        _state = 0;
        Rearm();
        return this;
    }

    /// <summary>Waits for the meeting, then notes the wait; false (and back to the spares) once over.</summary>
    public override bool MoveNext()
    {
        switch (_state)
        {
            case 0:
                _state = 1;
                Current = _done;
                return true;
            case 1:
                _state = 2;
                _owner.Waited(_lanes, _lane, _iteration, _child, _asked);
                (_lanes, _child, _done) = (null!, null!, null!);
                return Retire();
            default:
                return false;
        }
    }
}
