using Comet.Sim;

namespace Comet.Hardware.Components;

/// <summary>A pipelined transfer of one chunk, the common case: read, cross the mesh, write, all in the caller's process, as a hand-written body that is recycled once the transfer is done.</summary>
/// <remarks>
/// It does exactly what <see cref="TransferPipeline"/> does for one chunk (no stage waits on another, so there is
/// nothing to pipeline), without its per-transfer object, per-side iterators and arrays: a chunk's share of a port
/// use is the whole use, and its hold is ⌈bytes ÷ bw⌉ plus the access latency. For each side it takes the side's
/// ports in key order, releases each when its own share is through (shortest first), then counts the side; the mesh
/// leg runs between the sides. A compiler-built iterator would be one object per transfer, and its port holds and
/// grants two arrays more; this body keeps both arrays and goes back to its <see cref="TransferSpares"/> when its last
/// <see cref="MoveNext"/> returns false. It is enumerated once.
/// </remarks>
internal sealed class SingleChunkTransfer : RecycledBody<SingleChunkTransfer>
{
    private const int SideStart = 0;
    private const int Acquire = 1;
    private const int Acquired = 2;
    private const int Release = 3;
    private const int Released = 4;
    private const int Done = 5;

    private Simulation _sim = null!;
    private ITraceSink? _trace;
    private ComponentRef _requester;
    private ActivityLabel _label;
    private PortUse[] _uses = [];
    // Per hold, its cycles for the whole chunk (worked out once, where the release order and the counts need them).
    private long[] _holds = [];
    private int _count;
    private int _reads;
    private NetworkLeg? _network;
    private long _networkBytes;
    // The grants of the side being held (by index within the side).
    private Request?[] _grants = [];
    private int _state = Done;
    private int _side;
    private int _i;
    private long _asked;
    private long _start;
    private int _released;
    private int _next;

    /// <summary>Creates a body that goes back to <paramref name="spares"/> when its transfer is done (never, when null).</summary>
    public SingleChunkTransfer(RefStack<SingleChunkTransfer>? spares)
        : base(spares)
    {
    }

    /// <summary>Readies the body to move <paramref name="uses"/> (copied: the <paramref name="reads"/> source holds first, then the destination holds, each side in key order) over <paramref name="network"/>; nothing happens until the first <see cref="MoveNext"/>.</summary>
    /// <param name="sim">The simulation.</param>
    /// <param name="requester">Who waits when a port or link is busy.</param>
    /// <param name="label">Operation, tensor and tile for the trace.</param>
    /// <param name="uses">Source holds, then destination holds.</param>
    /// <param name="reads">How many of <paramref name="uses"/> are the source's.</param>
    /// <param name="network">The mesh leg, or null.</param>
    /// <param name="networkBytes">Bytes that cross the mesh (at least 1).</param>
    public SingleChunkTransfer Prepare(Simulation sim, ComponentRef requester, ActivityLabel label, ReadOnlySpan<PortUse> uses, int reads, NetworkLeg? network, long networkBytes)
    {
        if (_uses.Length < uses.Length)
        {
            _uses = new PortUse[uses.Length];
        }

        uses.CopyTo(_uses);
        if (_holds.Length < uses.Length)
        {
            _holds = new long[uses.Length];
        }

        var grants = Math.Max(reads, uses.Length - reads);
        if (_grants.Length < grants)
        {
            _grants = new Request?[grants];
        }

        (_sim, _requester, _label, _count, _reads, _network, _networkBytes) = (sim, requester, label, uses.Length, reads, network, networkBytes);
        _state = SideStart;
        _side = 0;
        Rearm();
        return this;
    }

    /// <summary>The holds as prepared, for putting them in order in place.</summary>
    public Span<PortUse> Uses => _uses.AsSpan(0, _count);

    /// <summary>Advances the transfer to its next wait; false (and back to the spares) once it is done.</summary>
    public override bool MoveNext()
    {
        var sim = _sim;
        var uses = _uses;
        while (true)
        {
            var from = _side == 0 ? 0 : _reads;
            var to = _side == 0 ? _reads : _count;
            switch (_state)
            {
                case SideStart:
                    if (_side == 0)
                    {
                        _trace = sim.Trace;
                    }
                    else if (_side == 2)
                    {
                        return Finish();
                    }

                    _i = from;
                    _state = Acquire;
                    if (_side == 1 && _network is { } network)
                    {
                        Current = Cross(sim, network);
                        return true;
                    }

                    break;
                case Acquire:
                    // Takes every port of the side in key order.
                    for (; _i < to; _i++)
                    {
                        if (uses[_i].Bytes <= 0)
                        {
                            continue;
                        }

                        _asked = sim.Now;
                        _holds[_i] = uses[_i].Cycles;
                        if (!uses[_i].Pool.Resource.TryRequest(out var grant))
                        {
                            _grants[_i - from] = grant;
                            _state = Acquired;
                            Current = grant;
                            return true;
                        }

                        _grants[_i - from] = grant;
                        NoteStall(sim, _i);
                    }

                    // Every port streams its own share; each is released when its share is through (shortest first).
                    _start = sim.Now;
                    _released = from;
                    _state = Release;
                    break;
                case Acquired:
                    NoteStall(sim, _i);
                    _i++;
                    _state = Acquire;
                    break;
                case Release:
                    if (_released < to)
                    {
                        var next = -1;
                        long nextHold = 0;
                        for (var i = from; i < to; i++)
                        {
                            if (_grants[i - from] is not null)
                            {
                                var hold = _holds[i];
                                if (next < 0 || hold < nextHold)
                                {
                                    (next, nextHold) = (i, hold);
                                }
                            }
                        }

                        if (next >= 0)
                        {
                            _next = next;
                            _state = Released;
                            var remaining = _start + nextHold - sim.Now;
                            if (remaining > 0)
                            {
                                Current = sim.Timeout(remaining);
                                return true;
                            }

                            break;
                        }
                    }

                    // Counts the side's bytes and busy cycles once, as a serial transfer counts them.
                    for (var i = from; i < to; i++)
                    {
                        if (uses[i].Bytes > 0)
                        {
                            uses[i].Account?.Count(uses[i].Bytes);
                            uses[i].Pool.AddBusy(_holds[i]);
                        }
                    }

                    _side++;
                    _state = SideStart;
                    break;
                case Released:
                    var n = _next;
                    _grants[n - from]!.Dispose();
                    _grants[n - from] = null;
                    var owner = uses[n].Pool.Owner;
                    _trace?.Write(new TraceRecord(_start, sim.Now, owner.Name, owner.Instance, uses[n].Activity, _label.Operation, _label.Tensor, _label.Tile, uses[n].Bytes, ""));
                    _released++;
                    _state = Release;
                    break;
                default:
                    return false;
            }
        }
    }

    /// <summary>A fresh body with the same holds when this one is not recycled; an error when it is (it may be back in its pool).</summary>
    protected override IEnumerator<Event> EnumerateAgain() =>
        Spares is null
            ? new SingleChunkTransfer(null).Prepare(_sim, _requester, _label, Uses, _reads, _network, _networkBytes)
            : base.EnumerateAgain();

    /// <summary>Gives back the ports still held (or asked for) when the transfer is abandoned before its end; nothing once it is done.</summary>
    public override void Dispose()
    {
        if (_state == Done)
        {
            return;
        }

        _state = Done;
        ReleaseGrants();
    }

    /// <summary>The mesh leg: one send (a multicast, or one destination), or one unicast process per destination.</summary>
    private Event Cross(Simulation sim, NetworkLeg network)
    {
        if (network.Multicast || network.To.Count == 1)
        {
            return sim.Call(network.Mesh.Send(sim, _requester, _label, network.From, network.To, _networkBytes));
        }

        var legs = new Event[network.To.Count];
        for (var i = 0; i < legs.Length; i++)
        {
            legs[i] = sim.Process(network.Mesh.Send(sim, _requester, _label, network.From, [network.To[i]], _networkBytes), "unicast");
        }

        return sim.AllOf(legs);
    }

    /// <summary>A stall row for hold <paramref name="i"/> when its port was not free at once.</summary>
    private void NoteStall(Simulation sim, int i)
    {
        if (sim.Now > _asked)
        {
            var use = _uses[i];
            _trace?.Write(new TraceRecord(_asked, sim.Now, _requester.Name, _requester.Instance, ActivityKind.Stall, _label.Operation, _label.Tensor, _label.Tile, use.Bytes, use.Pool.StallReason));
        }
    }

    private void ReleaseGrants()
    {
        for (var i = 0; i < _grants.Length; i++)
        {
            _grants[i]?.Dispose();
            _grants[i] = null;
        }
    }

    private bool Finish()
    {
        // Once its process has seen it done, nothing refers to this body any more.
        ReleaseGrants();
        _state = Done;
        _trace = null;
        if (Spares is not null)
        {
            _network = null;
        }

        return Retire();
    }
}
