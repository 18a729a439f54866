using NUnit.Framework;

namespace Comet.Sim.Tests;

public class ObserverTests
{
    private static IEnumerable<Event> Waits(Simulation sim, params long[] delays)
    {
        foreach (var d in delays)
        {
            yield return sim.Timeout(d);
        }
    }

    [Test]
    public void TheObserverSeesEveryFiredEventOnce_InTimeOrder_WithTheProcessThatWaitsOnIt()
    {
        var sim = new Simulation();
        var seen = new List<(long Time, string Kind, string? Waiter)>();
        sim.Observer = e => seen.Add((sim.Now, e.GetType().Name, e.FirstWaiter?.Name));
        sim.Process(Waits(sim, 5, 2), "a");
        sim.Process(Waits(sim, 3), "b");
        sim.Run();

        // Each process: its start (a timeout due at 0), one timeout per wait, its end (nobody waits on it).
        Assert.That(seen, Has.Count.EqualTo(sim.ProcessedEvents));
        Assert.That(seen.Count, Is.EqualTo(2 + 3 + 2));
        Assert.That(seen.Select(s => s.Time), Is.Ordered);
        Assert.That(seen.Where(s => s.Kind == "Timeout" && s.Time > 0).Select(s => (s.Time, s.Waiter)),
            Is.EqualTo(new[] { (3L, "b"), (5L, "a"), (7L, "a") }));
        Assert.That(seen.Where(s => s.Kind == "Process").Select(s => (s.Time, s.Waiter)),
            Is.EqualTo(new[] { (3L, (string?)null), (7L, null) }));
    }

    [Test]
    public void WithoutAnObserver_TheSameRunEndsAtTheSameCycle()
    {
        long EndOf(bool observed)
        {
            var sim = new Simulation();
            if (observed)
            {
                sim.Observer = _ => { };
            }

            sim.Process(Waits(sim, 5, 2), "a");
            sim.Process(Waits(sim, 3), "b");
            sim.Run();
            return sim.Now * 1000 + sim.ProcessedEvents;
        }

        Assert.That(EndOf(true), Is.EqualTo(EndOf(false)));
        Assert.That(EndOf(false), Is.EqualTo(7 * 1000 + 7));
    }
}
