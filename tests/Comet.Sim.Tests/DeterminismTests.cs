using NUnit.Framework;

namespace Comet.Sim.Tests;

public class DeterminismTests
{
    private static List<string> Trace(int seed)
    {
        var sim = new Simulation(seed);
        var res = new Resource(sim, 2, "alu");
        var store = new Store<int>(sim, 3, "fifo");
        var log = new List<string>();
        IEnumerable<Event> Worker(int id)
        {
            for (var k = 0; k < 20; k++)
            {
                yield return sim.Timeout(sim.Random.NextInt64(0, 8));
                using (var g = res.Request())
                {
                    yield return g;
                    log.Add($"{sim.Now}:w{id} got alu");
                    yield return sim.Timeout(sim.Random.NextInt64(1, 5));
                }
                yield return store.Put(id * 100 + k);
            }
        }
        IEnumerable<Event> Drain()
        {
            while (true)
            {
                var get = store.Get();
                yield return get;
                log.Add($"{sim.Now}:drain {get.Item}");
                yield return sim.Timeout(sim.Random.NextInt64(0, 3));
            }
        }
        for (var i = 0; i < 5; i++)
            sim.Process(Worker(i), $"w{i}");
        sim.Process(Drain(), "drain").IsDaemon = true;
        sim.Run();
        log.Add($"end {sim.Now} after {sim.ProcessedEvents} events");
        return log;
    }

    [Test]
    public void SameSeed_GivesTheIdenticalEventSequence()
    {
        var a = Trace(7);
        var b = Trace(7);
        Assert.That(a, Has.Count.EqualTo(5 * 20 * 2 + 1));
        Assert.That(b, Is.EqualTo(a));
    }

    [Test]
    public void DifferentSeeds_GiveDifferentSequences()
    {
        Assert.That(Trace(8), Is.Not.EqualTo(Trace(7)));
    }

    [Test]
    public void SimRandom_IsReproducible_AndStaysInRange()
    {
        var a = new SimRandom(123);
        var b = new SimRandom(123);
        for (var i = 0; i < 10_000; i++)
        {
            var x = a.NextInt64(-5, 17);
            Assert.That(b.NextInt64(-5, 17), Is.EqualTo(x));
            Assert.That(x, Is.InRange(-5L, 16L));
        }
        // Uniform over 8 values: each should get close to 1/8 of 80 000 draws.
        var counts = new int[8];
        for (var i = 0; i < 80_000; i++)
            counts[a.Next(8)]++;
        Assert.That(counts, Has.All.InRange(9_500, 10_500));
    }
}
