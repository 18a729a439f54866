using Comet.Sim;

namespace Comet.Hardware.Components;

/// <summary>One transfer on a cut-through mesh: its packets, the tree they follow, and the process that waits for it.</summary>
internal sealed class PacketFlow
{
    /// <summary>Creates the flow of <paramref name="bytes"/> over <paramref name="tree"/>, cut into packets of at most <paramref name="packetBytes"/>.</summary>
    public PacketFlow(ComponentRef requester, ActivityLabel label, MulticastTree tree, long bytes, long packetBytes, Event? injected)
    {
        Requester = requester;
        Label = label;
        Tree = tree;
        Bytes = bytes;
        PacketBytes = packetBytes;
        Packets = bytes <= 0 ? 1 : (int)Math.Min(int.MaxValue, (bytes + packetBytes - 1) / packetBytes);
        Deliveries = (long)Packets * tree.Destinations;
        Injected = injected;
        WaitNode = new LinkedListNode<PacketFlow>(this);
    }

    /// <summary>The flow's place in its mesh's list of doorbell waiters.</summary>
    public LinkedListNode<PacketFlow> WaitNode { get; }

    /// <summary>Who waits for the transfer (stall rows go on its track).</summary>
    public ComponentRef Requester { get; }

    /// <summary>Operation, tensor and tile for the trace.</summary>
    public ActivityLabel Label { get; }

    /// <summary>The routers the packets visit.</summary>
    public MulticastTree Tree { get; }

    /// <summary>Bytes of the whole transfer.</summary>
    public long Bytes { get; }

    /// <summary>Bytes of a full packet.</summary>
    public long PacketBytes { get; }

    /// <summary>Packets the transfer is cut into (at least one, which may be empty).</summary>
    public int Packets { get; }

    /// <summary>Packet copies that must be ejected: packets × destinations.</summary>
    public long Deliveries { get; }

    /// <summary>Fired when the last packet has been granted at the source (for a source queue; value: the cycle the port takes the next packet), or null.</summary>
    public Event? Injected { get; set; }

    /// <summary>Next packet to enter at the source's local port.</summary>
    public int NextPacket { get; set; }

    /// <summary>The packet at the head of the flow's local queue (requesting or streaming out).</summary>
    public int HeadPacket { get; set; }

    /// <summary>Cycle the local head packet asked for its outputs.</summary>
    public long HeadRequestedAt { get; set; }

    /// <summary>Outputs the local head packet still waits for (bit per output).</summary>
    public int HeadPending { get; set; }

    /// <summary>Latest cycle one of the local head packet's granted branches ends streaming.</summary>
    public long HeadStreamEnd { get; set; }

    /// <summary>Copies ejected (granted an ejection port) so far.</summary>
    public long Delivered { get; set; }

    /// <summary>Cycle the last ejected copy so far is completely delivered.</summary>
    public long LastDelivery { get; set; }

    /// <summary>True once every copy has been delivered.</summary>
    public bool Done { get; set; }

    /// <summary>The event the flow's process waits on while another process runs the mesh, or null.</summary>
    public Event? Doorbell { get; set; }

    /// <summary>Cycle the flow's process sleeps until while it runs the mesh's calendar, or −1.</summary>
    public long SleepUntil { get; set; } = -1;

    /// <summary>Bytes before packet <paramref name="packet"/> (its offset in the transfer).</summary>
    public long OffsetOf(int packet) => packet * PacketBytes;

    /// <summary>Bytes in packet <paramref name="packet"/>.</summary>
    public long BytesOf(int packet) => Math.Max(0, Math.Min(PacketBytes, Bytes - OffsetOf(packet)));
}
