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
    private readonly List<PacketFlow> _sleepers = [];
    private readonly LinkedList<PacketFlow> _doorbells = new();

    /// <summary>Creates the wakers of <paramref name="mesh"/>.</summary>
    public PacketWakers(CutThroughMesh mesh) => _mesh = mesh;

    /// <summary>What <paramref name="flow"/>'s process waits on next (a sleep until the next calendar event, or its doorbell), or null when the transfer is done.</summary>
    public Event? NextWait(PacketFlow flow)
    {
        var sim = _mesh.Simulation;
        var next = _mesh.Calendar.NextTime;
        var covered = next == long.MaxValue || EarliestSleeper() <= next;
        if (flow.Done)
        {
            if (!covered)
            {
                HandOff();
            }

            return null;
        }

        if (!covered)
        {
            flow.SleepUntil = next;
            _sleepers.Add(flow);
            return sim.Timeout(next - sim.Now);
        }

        var doorbell = sim.Event("mesh doorbell");
        flow.Doorbell = doorbell;
        _doorbells.AddLast(flow.WaitNode);
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
        var first = _doorbells.First ?? throw new InvalidOperationException("cut-through mesh: calendar events pending but no transfer left to run them");
        var flow = first.Value;
        var doorbell = flow.Doorbell!;

        // Until it resumes (later this cycle) the flow counts as a sleeper due now, so nobody hands the clock off twice.
        Ring(flow, doorbell);
        flow.SleepUntil = _mesh.Simulation.Now;
        _sleepers.Add(flow);
    }

    private void Ring(PacketFlow flow, Event doorbell)
    {
        _doorbells.Remove(flow.WaitNode);
        flow.Doorbell = null;
        doorbell.Succeed();
    }

    private long EarliestSleeper()
    {
        var earliest = long.MaxValue;
        foreach (var s in _sleepers)
        {
            earliest = Math.Min(earliest, s.SleepUntil);
        }

        return earliest;
    }
}
