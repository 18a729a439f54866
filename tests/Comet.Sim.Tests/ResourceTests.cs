using NUnit.Framework;

namespace Comet.Sim.Tests;

public class ResourceTests
{
    [Test]
    public void CapacityTwo_FourUsers_QueueFifo_WithHandDerivedTimes()
    {
        var sim = new Simulation();
        var port = new Resource(sim, 2, "port")
        {
            InUseMonitor = new TimeWeightedMonitor("in use"),
            QueueLengthMonitor = new TimeWeightedMonitor("queue"),
        };
        var spans = new Dictionary<string, (long Start, long End)>();
        IEnumerable<Event> User(string name, long arrive, long hold)
        {
            yield return sim.Timeout(arrive);
            using var grant = port.Request();
            yield return grant;
            var start = sim.Now;
            yield return sim.Timeout(hold);
            spans[name] = (start, sim.Now);
        }
        // Arrivals 0,1,2,3, each holding 5: u0 [0,5), u1 [1,6), u2 waits for u0 → [5,10), u3 waits for u1 → [6,11).
        for (var i = 0; i < 4; i++)
            sim.Process(User($"u{i}", i, 5), $"u{i}");
        sim.Run();

        Assert.That(spans["u0"], Is.EqualTo((0L, 5L)));
        Assert.That(spans["u1"], Is.EqualTo((1L, 6L)));
        Assert.That(spans["u2"], Is.EqualTo((5L, 10L)));
        Assert.That(spans["u3"], Is.EqualTo((6L, 11L)));
        Assert.That(port.InUse, Is.EqualTo(0));
        Assert.That(port.QueueLength, Is.EqualTo(0));
        // In use: 1 on [0,1), 2 on [1,10), 1 on [10,11) → area 20 over 11 cycles.
        Assert.That(port.InUseMonitor!.Mean(11), Is.EqualTo(20.0 / 11).Within(1e-12));
        Assert.That(port.Utilization, Is.EqualTo(10.0 / 11).Within(1e-12));
        // Queue: 1 on [2,3), 2 on [3,5), 1 on [5,6) → area 6.
        Assert.That(port.QueueLengthMonitor!.Mean(11), Is.EqualTo(6.0 / 11).Within(1e-12));
        Assert.That(port.QueueLengthMonitor.Max, Is.EqualTo(2));
    }

    [Test]
    public void Dispose_WhileQueued_WithdrawsTheRequest()
    {
        var sim = new Simulation();
        var res = new Resource(sim, 1, "bus");
        var holder = res.Request();
        var queued = res.Request();
        var third = res.Request();
        Assert.That(res.QueueLength, Is.EqualTo(2));
        queued.Dispose();
        Assert.That(res.QueueLength, Is.EqualTo(1));
        Assert.That(queued.Status, Is.EqualTo(RequestStatus.Released));
        holder.Dispose();
        Assert.That(third.Status, Is.EqualTo(RequestStatus.Granted));
        Assert.That(res.InUse, Is.EqualTo(1));
    }

    [Test]
    public void InterruptedWaiter_DisposingItsRequest_DoesNotHoldTheResource()
    {
        var sim = new Simulation();
        var res = new Resource(sim, 1, "bank");
        var log = new List<string>();
        IEnumerable<Event> Holder()
        {
            using var g = res.Request();
            yield return g;
            yield return sim.Timeout(10);
        }
        IEnumerable<Event> Impatient()
        {
            using var g = res.Request();
            yield return g;
            if (sim.ActiveProcess!.HandleInterrupt(out _))
            {
                log.Add($"gave up@{sim.Now}");
                yield break;
            }
            log.Add("served");
        }
        IEnumerable<Event> Patient()
        {
            yield return sim.Timeout(1);
            using var g = res.Request();
            yield return g;
            log.Add($"patient@{sim.Now}");
        }
        sim.Process(Holder(), "holder");
        var impatient = sim.Process(Impatient(), "impatient");
        sim.Process(Patient(), "patient");
        IEnumerable<Event> Kick()
        {
            yield return sim.Timeout(4);
            impatient.Interrupt();
        }
        sim.Process(Kick(), "kick");
        sim.Run();
        Assert.That(log, Is.EqualTo(new[] { "gave up@4", "patient@10" }));
    }
}
