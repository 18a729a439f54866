using Comet.Sim;

namespace Comet.Hardware.Components;

/// <summary>Keeps a cut-through mesh's calendar running on the processes of the transfers in flight, without a process of its own.</summary>
/// <remarks>
/// Every pending calendar event belongs to a transfer whose process is alive, so one of them can always be the
/// mesh's clock: after running the calendar, a process that sees the next event uncovered (no sleeper wakes at or
/// before it) sleeps until it and runs the calendar then; otherwise it waits on its own doorbell. A sleeper never
/// sleeps past its own transfer's end (all of its later events come from events at or after its wake-up). A
/// transfer that ends while it holds the clock hands it to the longest-waiting doorbell. The kernel thus sees one
/// event per cycle in which the mesh does something, plus one per transfer that ends while another runs the clock.
/// </remarks>
internal sealed class PacketWakers
{
    private readonly CutThroughMesh _mesh;
    private readonly SleeperHeap _sleepers = new();
    // The transfers waiting on a doorbell, oldest first (an intrusive list through the flows: nothing allocated).
    private PacketFlow? _firstWaiting;
    private PacketFlow? _lastWaiting;

    /// <summary>Creates the wakers of <paramref name="mesh"/>.</summary>
    public PacketWakers(CutThroughMesh mesh) => _mesh = mesh;

    /// <summary>What <paramref name="flow"/>'s process waits on next (a sleep until the next calendar event, or its doorbell), or null when the transfer is done.</summary>
    public Event? NextWait(PacketFlow flow)
    {
        var sim = _mesh.Simulation;
        var next = _mesh.Calendar.NextTime;
        var covered = next == long.MaxValue || _sleepers.Earliest <= next;
        if (flow.Done)
        {
            if (!covered)
            {
                HandOff();
            }

            return null;
        }

        // Uncovered: run the calendar at its next event. Covered but the transfer's end is already scheduled (all its
        // packets granted their ejection): nothing can change it, so sleep until then (a pooled timeout, no doorbell).
        var until = !covered ? next : flow.CompleteAt;
        if (until >= 0)
        {
            flow.SleepUntil = until;
            _sleepers.Add(flow);
            return sim.Timeout(until - sim.Now);
        }

        // Recycled once rung and its process resumed (nothing keeps a doorbell after it rang).
        var doorbell = sim.Signal();
        flow.Doorbell = doorbell;
        flow.PreviousWaiting = _lastWaiting;
        flow.NextWaiting = null;
        if (_lastWaiting is null)
        {
            _firstWaiting = flow;
        }
        else
        {
            _lastWaiting.NextWaiting = flow;
        }

        _lastWaiting = flow;
        return doorbell;
    }

    /// <summary>Called when <paramref name="flow"/>'s process resumes: a sleeper runs the calendar's due events.</summary>
    public void Woke(PacketFlow flow)
    {
        if (flow.SleepUntil >= 0)
        {
            _sleepers.Remove(flow);
            flow.SleepUntil = -1;
        }

        _mesh.RunDue();
    }

    /// <summary>Called when <paramref name="flow"/>'s last copy was delivered: rings its doorbell if it waits on one.</summary>
    public void Completed(PacketFlow flow)
    {
        if (flow.Doorbell is { } doorbell)
        {
            Ring(flow, doorbell);
        }
    }

    private void HandOff()
    {
        // Every pending event belongs to a live transfer that is not a sleeper covering it, so one waits here.
        var flow = _firstWaiting ?? throw new InvalidOperationException("cut-through mesh: calendar events pending but no transfer left to run them");
        var doorbell = flow.Doorbell!;

        // Until it resumes (later this cycle) the flow counts as a sleeper due now, so nobody hands the clock off twice.
        Ring(flow, doorbell);
        flow.SleepUntil = _mesh.Simulation.Now;
        _sleepers.Add(flow);
    }

    private void Ring(PacketFlow flow, Event doorbell)
    {
        if (flow.PreviousWaiting is null)
        {
            _firstWaiting = flow.NextWaiting;
        }
        else
        {
            flow.PreviousWaiting.NextWaiting = flow.NextWaiting;
        }

        if (flow.NextWaiting is null)
        {
            _lastWaiting = flow.PreviousWaiting;
        }
        else
        {
            flow.NextWaiting.PreviousWaiting = flow.PreviousWaiting;
        }

        flow.PreviousWaiting = flow.NextWaiting = null;
        flow.Doorbell = null;
        doorbell.Succeed();
    }
}
