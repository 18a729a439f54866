using Comet.Sim;
using Comet.Workloads.Inputs;

namespace Comet.Workloads.Execution;

/// <summary>The enumerator of one invocation of a temporal node (<see cref="TemporalLoop.Run"/>), written out by hand so that it is recycled once the invocation is done.</summary>
/// <remarks>
/// It notes the start, runs the invocation's body in its place (<see cref="Simulation.Call"/>): a simple leaf's own
/// body, then its traffic and time are counted here, or the general body, which counts its own. A compiler-built
/// iterator would be one object per invocation (with every local of the general case in it); this one goes back to
/// its loop's spares when its last <see cref="MoveNext"/> returns false. The body a caller holds is a
/// <see cref="TemporalNodeRun"/>, which may be enumerated again (free lanes run the same bodies every iteration).
/// </remarks>
internal sealed class TemporalInvocation : RecycledBody<TemporalInvocation>
{
    private const int Start = 0;
    private const int LeafRan = 1;
    private const int Ran = 2;
    private const int Done = 3;

    private readonly TemporalLoop _loop;
    private DataMovementTileNode _node = null!;
    private LevelBinding _binding = null!;
    private TemporalPlan? _leafPlan;
    private long _start;
    private int _state = Done;

    /// <summary>Creates a reusable body for <paramref name="loop"/>, returned to <paramref name="spares"/> when done.</summary>
    public TemporalInvocation(TemporalLoop loop, RefStack<TemporalInvocation> spares)
        : base(spares)
    {
        _loop = loop;
    }

    /// <summary>Readies the body for one invocation of <paramref name="node"/> on <paramref name="binding"/> (nothing happens until the first <see cref="MoveNext"/>).</summary>
    public TemporalInvocation Prepare(DataMovementTileNode node, LevelBinding binding)
    {
        (_node, _binding, _leafPlan) = (node, binding, null);
        _state = Start;
        Rearm();
        return this;
    }

    /// <summary>Starts the invocation's body in its place, then counts a leaf; false (and back to the spares) once it is done.</summary>
    public override bool MoveNext()
    {
        switch (_state)
        {
            case Start:
                var sim = _loop.Sim;
                _start = sim.Now;
                var body = _loop.Begin(_node, _binding, _start, out _leafPlan);
                _state = _leafPlan is null ? Ran : LeafRan;
                Current = sim.Call(body);
                return true;
            case LeafRan:
                _loop.LeafDone(_node, _leafPlan!, _start);
                break;
            case Ran:
                break;
            default:
                return false;
        }

        _state = Done;
        (_node, _binding, _leafPlan) = (null!, null!, null);
        return Retire();
    }
}
