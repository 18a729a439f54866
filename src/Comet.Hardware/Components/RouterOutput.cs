namespace Comet.Hardware.Components;

/// <summary>One output of a router — a link to a neighbour or the local ejection port — with its round-robin arbiter.</summary>
/// <remarks>
/// Requesters are the router's four input buffers (slots 1–4, by the direction their link points) and the transfers
/// injected at this router (slot 0, first come first served among themselves). When the output frees, the arbiter
/// grants the next waiting slot after the one it granted last, one packet at a time.
/// </remarks>
internal sealed class RouterOutput
{
    private readonly Queue<PacketFlow> _local = new();

    /// <summary>Creates the output <paramref name="output"/> of router <paramref name="router"/>.</summary>
    public RouterOutput(int router, int output, int neighbour, string linkName, int traceInstance)
    {
        Router = router;
        Output = output;
        Neighbour = neighbour;
        LinkName = linkName;
        TraceInstance = traceInstance;
    }

    /// <summary>The router the output belongs to.</summary>
    public int Router { get; }

    /// <summary>Link direction 0–3, or <see cref="MulticastTree.Eject"/>.</summary>
    public int Output { get; }

    /// <summary>The router at the far end of the link, or −1 for the ejection port and edge links.</summary>
    public int Neighbour { get; }

    /// <summary>Stall reason of a packet waiting for this output.</summary>
    public string LinkName { get; }

    /// <summary>Trace instance of the link (as store-and-forward numbers it).</summary>
    public int TraceInstance { get; }

    /// <summary>Cycle the packet being sent has streamed through.</summary>
    public long FreeAt { get; set; }

    /// <summary>The slot granted last (round-robin pointer).</summary>
    public int LastSlot { get; set; }

    /// <summary>Input buffers (bit 1 + direction) whose head waits for this output.</summary>
    public int WaitingInputs { get; set; }

    /// <summary>True while a calendar event will arbitrate this output.</summary>
    public bool ArbitrationScheduled { get; set; }

    /// <summary>True when anyone waits.</summary>
    public bool HasWaiters => WaitingInputs != 0 || _local.Count > 0;

    /// <summary>Queues a transfer injected here whose head packet waits for this output.</summary>
    public void WaitLocal(PacketFlow flow) => _local.Enqueue(flow);

    /// <summary>Picks the next slot after <see cref="LastSlot"/> that waits; the transfer when it is the local slot.</summary>
    public int NextSlot(out PacketFlow? local)
    {
        local = null;
        for (var k = 1; k <= MulticastTree.OutputsPerRouter; k++)
        {
            var slot = (LastSlot + k) % MulticastTree.OutputsPerRouter;
            if (slot == 0 ? _local.Count > 0 : (WaitingInputs & (1 << slot)) != 0)
            {
                if (slot == 0)
                {
                    local = _local.Dequeue();
                }
                else
                {
                    WaitingInputs &= ~(1 << slot);
                }

                return slot;
            }
        }

        return -1;
    }
}
