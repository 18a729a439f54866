namespace Comet.Hardware.Components;

/// <summary>One input buffer of a router (one virtual channel): a FIFO of packets, of which only the head asks for outputs.</summary>
/// <remarks>
/// A packet behind a blocked head waits even when its own output is free (head-of-line blocking), and the head streams
/// out at link rate, so the next one starts when it has left. The FIFO also keeps the packets still on the link into it:
/// one link feeds the buffer and every head crosses it in the same hop latency, so they arrive in the order they were
/// sent, and an arrival only has to count one more packet in.
/// </remarks>
internal sealed class RouterInput
{
    // A power of two, so positions wrap with a mask.
    private PacketHead[] _ring = new PacketHead[4];
    private int _first;
    private int _held;

    /// <summary>Packets in the buffer, the head included (not those still on the link).</summary>
    public int Count { get; private set; }

    /// <summary>The head packet.</summary>
    public ref readonly PacketHead Head => ref _ring[_first];

    /// <summary>Cycle the last packet that left finished streaming out; the next head starts no earlier.</summary>
    public long BusyUntil { get; set; }

    /// <summary>Outputs the head still waits for (0: the head has not asked yet).</summary>
    public int Pending { get; set; }

    /// <summary>Latest cycle one of the head's granted branches ends streaming.</summary>
    public long StreamEnd { get; set; }

    /// <summary>Cycle the head asked for its outputs.</summary>
    public long RequestedAt { get; set; }

    /// <summary>True while a calendar event will hand the buffer its next head.</summary>
    public bool FreeScheduled { get; set; }

    /// <summary>Puts a packet granted the link into this buffer at the tail of the FIFO, on its way: it counts once it <see cref="Arrive"/>s.</summary>
    public void Send(in PacketHead packet)
    {
        if (_held == _ring.Length)
        {
            var grown = new PacketHead[_ring.Length * 2];
            for (var i = 0; i < _held; i++)
            {
                grown[i] = _ring[(_first + i) & (_ring.Length - 1)];
            }

            _ring = grown;
            _first = 0;
        }

        _ring[(_first + _held) & (_ring.Length - 1)] = packet;
        _held++;
    }

    /// <summary>The oldest packet on the link has reached the buffer.</summary>
    public void Arrive() => Count++;

    /// <summary>Removes the head packet.</summary>
    public void Dequeue()
    {
        _ring[_first] = default;
        _first = (_first + 1) & (_ring.Length - 1);
        _held--;
        Count--;
    }
}
