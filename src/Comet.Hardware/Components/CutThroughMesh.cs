using Comet.Hardware.Energy;
using Comet.Sim;

namespace Comet.Hardware.Components;

/// <summary>The routers of a packet-switched, virtual cut-through mesh: input buffers, round-robin output arbiters and links, run from one calendar.</summary>
/// <remarks>
/// A transfer is cut into packets of at most <see cref="MeshParameters.PacketBytes"/>. A packet's head asks for its
/// outputs as soon as it reaches a router; a granted output (link or ejection port) is busy while the packet's body
/// streams through it (<see cref="MeshParameters.LinkCycles"/>), and the head reaches the next router
/// <see cref="MeshParameters.HopLatencyCycles"/> after the grant. Idle, H hops cost H·h + ⌈bytes ÷ link rate⌉.
/// The routers' events live in the mesh's own <see cref="MeshCalendar"/>; the processes of the transfers in flight
/// take turns to run it (<see cref="PacketWakers"/>), so the kernel sees at most one event per cycle in which
/// something happens on the mesh, whatever the number of packets.
/// </remarks>
internal sealed class CutThroughMesh
{
    private readonly MeshNoc _mesh;
    private readonly MeshParameters _p;
    private readonly RouterInput[] _inputs;
    private readonly RouterOutput[] _outputs;
    private readonly AccessAccount _linkBytes;
    private readonly PacketWakers _wakers;
    // Transfer bodies and their flows are recycled: once a body's process has seen it done, nothing refers to it.
    private readonly RefStack<PacketSend> _spareSends = new();
    // Every flow ever made, by its id: calendar entries name a transfer by number, so they hold no reference.
    private readonly List<PacketFlow> _flows = [];
    private readonly bool _linkAligned;
    private readonly bool _portAligned;
    // A full packet's cycles on a link and on an ejection port (most packets are full; worked out once).
    private readonly long _fullPacketLinkCycles;
    private readonly long _fullPacketPortCycles;

    /// <summary>Builds the routers of <paramref name="mesh"/>; link crossings are counted on <paramref name="linkBytes"/>.</summary>
    public CutThroughMesh(MeshNoc mesh, AccessAccount linkBytes)
    {
        _mesh = mesh;
        _p = mesh.Parameters;
        _linkBytes = linkBytes;

        // Packets start at multiples of packet_bytes: when a full packet is a whole number of cycles, every packet's
        // share of the serialization is its own ⌈bytes ÷ rate⌉, whatever its offset.
        var q = Math.Max(1, _p.QueuingDelay);
        _linkAligned = Math.Max(1, _p.PacketBytes) * 8 * q % _p.ChannelWidthBits == 0;
        _portAligned = _p.PortBytesPerCycle > 0 ? Math.Max(1, _p.PacketBytes) % _p.PortBytesPerCycle == 0 : _linkAligned;
        _fullPacketLinkCycles = _p.LinkCycles(0, PacketBytes);
        _fullPacketPortCycles = _p.PortCycles(0, PacketBytes);

        // The routers schedule at most a hop, a packet's streaming and a turnaround ahead: twice that keeps the wheel short.
        Calendar = new MeshCalendar(2 * (_p.HopLatencyCycles + _fullPacketLinkCycles + _fullPacketPortCycles + _p.OutputTurnaroundCycles + _p.InputTurnaroundCycles));
        _wakers = new PacketWakers(this);
        var nodes = _p.Nodes;
        _inputs = new RouterInput[nodes * MeshDirection.Count];
        _outputs = new RouterOutput[nodes * MulticastTree.OutputsPerRouter];
        for (var r = 0; r < nodes; r++)
        {
            for (var d = 0; d < MeshDirection.Count; d++)
            {
                _inputs[r * MeshDirection.Count + d] = new RouterInput();
                var to = MeshDirection.Step(mesh.NodeOf(r), d);
                var neighbour = to.X >= 0 && to.Y >= 0 && to.X < _p.X && to.Y < _p.Y ? mesh.LocalOf(to) : -1;
                _outputs[r * MulticastTree.OutputsPerRouter + d] = new RouterOutput(r, d, neighbour, mesh.LinkNameOf(r * MeshDirection.Count + d), mesh.MeshIndex * nodes * MeshDirection.Count + r * MeshDirection.Count + d);
            }

            var eject = $"eject:{_p.NodeName}{mesh.FirstInstance + r}";
            _outputs[r * MulticastTree.OutputsPerRouter + MulticastTree.Eject] = new RouterOutput(r, MulticastTree.Eject, -1, eject, -1);
        }
    }

    /// <summary>The routers' pending events.</summary>
    public MeshCalendar Calendar { get; }

    /// <summary>The simulation the mesh runs in.</summary>
    public Simulation Simulation => _mesh.Simulation;

    /// <summary>A process sending <paramref name="bytes"/> from <paramref name="from"/> to every router in <paramref name="to"/> as packets over one tree; <paramref name="injected"/> fires when the last packet has been granted at the source, its value the cycle the source's port takes the next packet.</summary>
    public IEnumerable<Event> Send(ComponentRef requester, ActivityLabel label, MeshNode from, IReadOnlyList<MeshNode> to, long bytes, Event? injected) =>
        (_spareSends.TryPop(out var spare) ? spare : new PacketSend(this, _wakers, _spareSends)).Prepare(requester, label, from, to, bytes, injected);

    /// <summary>Bytes of a full packet (at least 1).</summary>
    public long PacketBytes => Math.Max(1, _p.PacketBytes);

    /// <summary>The multicast tree from <paramref name="from"/> to <paramref name="to"/>.</summary>
    public MulticastTree Tree(MeshNode from, IReadOnlyList<MeshNode> to) => _mesh.Tree(from, to);

    /// <summary>Runs every calendar event due by the current cycle, in order.</summary>
    public void RunDue()
    {
        var now = Simulation.Now;
        while (Calendar.TryPopDue(now, out var e))
        {
            switch (e.Kind)
            {
                case MeshEventKind.Inject:
                    var injecting = _flows[e.Index];
                    Inject(injecting, injecting.Tree.RouterOf(0), now);
                    break;
                case MeshEventKind.Arrive:
                    Arrive(e.Index, now);
                    break;
                case MeshEventKind.OutputFree:
                    Arbitrate(_outputs[e.Index], now);
                    break;
                case MeshEventKind.InputFree:
                    _inputs[e.Index].FreeScheduled = false;
                    TryStartHead(e.Index, now);
                    break;
                default:
                    var completed = _flows[e.Index];
                    completed.Done = true;
                    _wakers.Completed(completed);
                    break;
            }
        }
    }

    /// <summary>Puts the flow's next packet at the head of its local queue at <paramref name="router"/>, asking for its outputs at once.</summary>
    internal void Inject(PacketFlow flow, int router, long now)
    {
        flow.HeadPacket = flow.NextPacket++;
        flow.HeadRequestedAt = now;
        flow.HeadStreamEnd = now;
        var outputs = flow.Tree.OutputsOf(0);
        flow.HeadPending = outputs;
        Request(router, 0, outputs, flow, now);
    }

    /// <summary>A new transfer record, numbered for the calendar.</summary>
    internal PacketFlow NewFlow()
    {
        var flow = new PacketFlow(_flows.Count);
        _flows.Add(flow);
        return flow;
    }

    private void Arrive(int input, long now)
    {
        var buffer = _inputs[input];
        buffer.Arrive();
        if (buffer.Count == 1 && !buffer.FreeScheduled)
        {
            if (buffer.BusyUntil <= now)
            {
                TryStartHead(input, now);
            }
            else
            {
                buffer.FreeScheduled = true;
                Calendar.Push(buffer.BusyUntil, MeshEventKind.InputFree, input);
            }
        }
    }

    private void TryStartHead(int input, long now)
    {
        var buffer = _inputs[input];
        if (buffer.Count == 0 || buffer.Pending != 0)
        {
            return;
        }

        var head = buffer.Head;
        var outputs = head.Flow.Tree.OutputsOf(head.Node);
        buffer.Pending = outputs;
        buffer.RequestedAt = now;
        buffer.StreamEnd = now;
        Request(input / MeshDirection.Count, 1 + (input % MeshDirection.Count), outputs, head.Flow, now);
    }

    private void Request(int router, int slot, int outputs, PacketFlow flow, long now)
    {
        for (var bits = outputs; bits != 0; bits &= bits - 1)
        {
            var o = System.Numerics.BitOperations.TrailingZeroCount(bits);
            var output = _outputs[router * MulticastTree.OutputsPerRouter + o];
            if (output.FreeAt <= now && !output.HasWaiters)
            {
                Grant(output, slot, flow, now);
                continue;
            }

            if (slot == 0)
            {
                output.WaitLocal(flow);
            }
            else
            {
                output.WaitingInputs |= 1 << slot;
            }

            if (!output.ArbitrationScheduled)
            {
                output.ArbitrationScheduled = true;
                Calendar.Push(Math.Max(now, output.FreeAt), MeshEventKind.OutputFree, router * MulticastTree.OutputsPerRouter + o);
            }
        }
    }

    private void Arbitrate(RouterOutput output, long now)
    {
        output.ArbitrationScheduled = false;
        var slot = output.NextSlot(out var local);
        if (slot < 0)
        {
            return;
        }

        var flow = local ?? _inputs[output.Router * MeshDirection.Count + slot - 1].Head.Flow;
        Grant(output, slot, flow, now);
    }

    private void Grant(RouterOutput output, int slot, PacketFlow flow, long now)
    {
        // The packet being granted: the flow's local head (slot 0) or the head of input buffer slot − 1.
        var input = slot == 0 ? null : _inputs[output.Router * MeshDirection.Count + slot - 1];
        int packet, node;
        long tailAt, requestedAt;
        if (input is null)
        {
            (packet, node, tailAt, requestedAt) = (flow.HeadPacket, 0, now, flow.HeadRequestedAt);
        }
        else
        {
            var head = input.Head;
            (packet, node, tailAt, requestedAt) = (head.Packet, head.Node, head.TailAt, input.RequestedAt);
        }

        var before = flow.OffsetOf(packet);
        var bytes = flow.BytesOf(packet);
        var isLink = output.Output < MulticastTree.Eject;
        var busy = isLink
            ? (!_linkAligned ? _p.LinkCycles(before, bytes) : bytes == flow.PacketBytes ? _fullPacketLinkCycles : _p.LinkCycles(0, bytes))
            : (!_portAligned ? _p.PortCycles(before, bytes) : bytes == flow.PacketBytes ? _fullPacketPortCycles : _p.PortCycles(0, bytes));
        var end = now + busy;
        output.FreeAt = end + _p.OutputTurnaroundCycles;
        output.LastSlot = slot;
        var trace = Simulation.Trace;
        if (now > requestedAt)
        {
            trace?.Write(new TraceRecord(requestedAt, now, flow.Requester.Name, flow.Requester.Instance, ActivityKind.Stall, flow.Label.Operation, flow.Label.Tensor, flow.Label.Tile, bytes, output.LinkName));
        }

        if (isLink)
        {
            _mesh.CountHop(_linkBytes, bytes);
            trace?.Write(new TraceRecord(now, end, _p.Name, output.TraceInstance, ActivityKind.Transfer, flow.Label.Operation, flow.Label.Tensor, flow.Label.Tile, bytes, ""));
            var child = flow.Tree.ChildOf(node, output.Output);
            var next = output.Neighbour * MeshDirection.Count + output.Output;
            _inputs[next].Send(new PacketHead(flow, packet, child, Math.Max(end, tailAt) + _p.HopLatencyCycles));
            Calendar.Push(now + _p.HopLatencyCycles, MeshEventKind.Arrive, next);
        }
        else
        {
            flow.LastDelivery = Math.Max(flow.LastDelivery, Math.Max(end, tailAt));
            if (++flow.Delivered == flow.Deliveries)
            {
                flow.CompleteAt = flow.LastDelivery;
                Calendar.Push(flow.LastDelivery, MeshEventKind.Complete, flow.Id);
            }
        }

        // The packet leaves its buffer once every branch is granted and has streamed out.
        if (input is null)
        {
            flow.HeadPending &= ~(1 << output.Output);
            flow.HeadStreamEnd = Math.Max(flow.HeadStreamEnd, end);
            var portFree = flow.HeadStreamEnd + _p.InputTurnaroundCycles;
            if (flow.HeadPending == 0 && flow.NextPacket < flow.Packets)
            {
                Calendar.Push(portFree, MeshEventKind.Inject, flow.Id);
            }
            else if (flow.HeadPending == 0 && flow.Injected is { } injected)
            {
                // Told now, when the last packet is granted; its value says when the local port takes the next one.
                flow.Injected = null;
                injected.Succeed(portFree);
            }
        }
        else
        {
            input.Pending &= ~(1 << output.Output);
            input.StreamEnd = Math.Max(input.StreamEnd, end);
            if (input.Pending == 0)
            {
                input.BusyUntil = Math.Max(input.StreamEnd, tailAt) + _p.InputTurnaroundCycles;
                input.Dequeue();
                if (input.Count > 0)
                {
                    input.FreeScheduled = true;
                    Calendar.Push(input.BusyUntil, MeshEventKind.InputFree, output.Router * MeshDirection.Count + slot - 1);
                }
            }
        }

        if (output.HasWaiters && !output.ArbitrationScheduled)
        {
            output.ArbitrationScheduled = true;
            Calendar.Push(output.FreeAt, MeshEventKind.OutputFree, output.Router * MulticastTree.OutputsPerRouter + output.Output);
        }
    }
}
