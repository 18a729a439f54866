using Comet.Sim;

namespace Comet.Hardware.Components;

/// <summary>The process body of one transfer on a cut-through mesh, written out by hand so that it and its <see cref="PacketFlow"/> are recycled together once the transfer is done.</summary>
/// <remarks>
/// It runs as <c>CutThroughMesh.Send</c> describes: build the tree and start the flow, run the due calendar events,
/// let the first packet ask for its outputs, run them again, then wait (on a sleep or a doorbell) until the flow is
/// done. A compiler-built iterator would be one more object per transfer; this one goes back to its mesh's spares
/// when its last <see cref="MoveNext"/> returns false, and is enumerated once.
/// </remarks>
internal sealed class PacketSend : RecycledBody<PacketSend>
{
    private readonly CutThroughMesh _mesh;
    private readonly PacketWakers _wakers;
    private readonly PacketFlow _flow;
    private ComponentRef _requester;
    private ActivityLabel _label;
    private MeshNode _from;
    private IReadOnlyList<MeshNode> _to = [];
    private long _bytes;
    private Event? _injected;
    private int _state;

    /// <summary>Creates a reusable body on <paramref name="mesh"/>, returned to <paramref name="spares"/> when done.</summary>
    public PacketSend(CutThroughMesh mesh, PacketWakers wakers, RefStack<PacketSend> spares)
        : base(spares)
    {
        _mesh = mesh;
        _wakers = wakers;
        _flow = mesh.NewFlow();
    }

    /// <summary>Readies the body for one transfer (nothing happens until the first <see cref="MoveNext"/>).</summary>
    public PacketSend Prepare(ComponentRef requester, ActivityLabel label, MeshNode from, IReadOnlyList<MeshNode> to, long bytes, Event? injected)
    {
        (_requester, _label, _from, _to, _bytes, _injected) = (requester, label, from, to, bytes, injected);
        _state = 0;
        Rearm();
        return this;
    }

    /// <summary>Advances the transfer to its next wait; false (and back to the spares) once it is done.</summary>
    public override bool MoveNext()
    {
        switch (_state)
        {
            case 0:
                var tree = _mesh.Tree(_from, _to);
                _flow.Start(_requester, _label, tree, _bytes, _mesh.PacketBytes, _injected);
                _to = [];
                _injected = null;
                if (tree.Destinations == 0)
                {
                    _flow.Injected?.Succeed(_mesh.Simulation.Now);
                    return Finish();
                }

                // The events already due go first; then the first packet asks for its outputs at once (no calendar round trip).
                _mesh.RunDue();
                _mesh.Inject(_flow, tree.RouterOf(0), _mesh.Simulation.Now);
                _mesh.RunDue();
                break;
            case 1:
                _wakers.Woke(_flow);
                break;
            default:
                return false;
        }

        if (_wakers.NextWait(_flow) is { } wait)
        {
            Current = wait;
            _state = 1;
            return true;
        }

        return Finish();
    }

    private bool Finish()
    {
        // Once its process has seen it done, nothing refers to the flow or this body any more.
        _state = 2;
        return Retire();
    }
}
