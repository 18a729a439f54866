using Comet.Sim;

namespace Comet.Hardware.Components;

/// <summary>One transfer on a cut-through mesh: its packets, the tree they follow, and the process that waits for it.</summary>
internal sealed class PacketFlow
{
    /// <summary>Creates the flow numbered <paramref name="id"/> on its mesh.</summary>
    public PacketFlow(int id) => Id = id;

    /// <summary>The flow's number on its mesh (how calendar entries name it).</summary>
    public int Id { get; }

    /// <summary>Readies the (new or recycled) flow for <paramref name="bytes"/> over <paramref name="tree"/>, cut into packets of at most <paramref name="packetBytes"/>.</summary>
    public void Start(ComponentRef requester, ActivityLabel label, MulticastTree tree, long bytes, long packetBytes, Event? injected)
    {
        Requester = requester;
        Label = label;
        Tree = tree;
        Bytes = bytes;
        PacketBytes = packetBytes;
        Packets = bytes <= 0 ? 1 : (int)Math.Min(int.MaxValue, (bytes + packetBytes - 1) / packetBytes);
        Deliveries = (long)Packets * tree.Destinations;
        Injected = injected;
        NextPacket = HeadPacket = HeadPending = 0;
        HeadRequestedAt = HeadStreamEnd = Delivered = LastDelivery = 0;
        Done = false;
        Doorbell = null;
        PreviousWaiting = NextWaiting = null;
        SleepUntil = CompleteAt = -1;
    }

    /// <summary>The flow waiting on a doorbell before this one, or null.</summary>
    public PacketFlow? PreviousWaiting { get; set; }

    /// <summary>The flow waiting on a doorbell after this one, or null.</summary>
    public PacketFlow? NextWaiting { get; set; }

    /// <summary>Cycle the last copy will be delivered, once every copy has been granted its ejection port; −1 before.</summary>
    public long CompleteAt { get; set; } = -1;

    /// <summary>Who waits for the transfer (stall rows go on its track).</summary>
    public ComponentRef Requester { get; private set; }

    /// <summary>Operation, tensor and tile for the trace.</summary>
    public ActivityLabel Label { get; private set; }

    /// <summary>The routers the packets visit.</summary>
    public MulticastTree Tree { get; private set; } = null!;

    /// <summary>Bytes of the whole transfer.</summary>
    public long Bytes { get; private set; }

    /// <summary>Bytes of a full packet.</summary>
    public long PacketBytes { get; private set; }

    /// <summary>Packets the transfer is cut into (at least one, which may be empty).</summary>
    public int Packets { get; private set; }

    /// <summary>Packet copies that must be ejected: packets × destinations.</summary>
    public long Deliveries { get; private set; }

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

    /// <summary>The flow's place in its mesh's <see cref="SleeperHeap"/>, or −1 when it does not sleep there.</summary>
    public int SleeperIndex { get; set; } = -1;

    /// <summary>Bytes before packet <paramref name="packet"/> (its offset in the transfer).</summary>
    public long OffsetOf(int packet) => packet * PacketBytes;

    /// <summary>Bytes in packet <paramref name="packet"/>.</summary>
    public long BytesOf(int packet) => Math.Max(0, Math.Min(PacketBytes, Bytes - OffsetOf(packet)));
}
