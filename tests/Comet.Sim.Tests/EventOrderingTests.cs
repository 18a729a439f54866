using NUnit.Framework;

namespace Comet.Sim.Tests;

public class EventOrderingTests
{
    [Test]
    public void Timeouts_FireInTimeOrder_AndTiesInCreationOrder()
    {
        var sim = new Simulation();
        var log = new List<string>();
        IEnumerable<Event> Body(string name, long delay)
        {
            yield return sim.Timeout(delay);
            log.Add($"{name}@{sim.Now}");
        }
        sim.Process(Body("a", 5), "a");
        sim.Process(Body("b", 3), "b");
        sim.Process(Body("c", 5), "c");
        sim.Process(Body("d", 3), "d");
        sim.Run();
        Assert.That(log, Is.EqualTo(new[] { "b@3", "d@3", "a@5", "c@5" }));
        Assert.That(sim.Now, Is.EqualTo(5));
    }

    [Test]
    public void Succeed_LowerPriorityValue_IsProcessedFirstWithinACycle()
    {
        var sim = new Simulation();
        var order = new List<string>();
        var late = sim.Event("late");
        var early = sim.Event("early");
        late.AddCallback(_ => order.Add("late"));
        early.AddCallback(_ => order.Add("early"));
        late.Succeed(priority: 5);
        early.Succeed(priority: -5);
        sim.Run();
        Assert.That(order, Is.EqualTo(new[] { "early", "late" }));
    }

    [Test]
    public void ProcessedEvents_CountsEveryEventTakenFromTheQueue()
    {
        var sim = new Simulation();
        IEnumerable<Event> Body()
        {
            for (var i = 0; i < 10; i++)
                yield return sim.Timeout(2);
        }
        var p = sim.Process(Body(), "ticker");
        sim.Run();
        // 1 start + 10 timeouts + the process's own completion event.
        Assert.That(sim.ProcessedEvents, Is.EqualTo(12));
        Assert.That(sim.Now, Is.EqualTo(20));
        Assert.That(p.IsAlive, Is.False);
        Assert.That(p.IsOk, Is.True);
    }
}
