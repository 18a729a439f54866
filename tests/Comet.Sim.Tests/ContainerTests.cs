using NUnit.Framework;

namespace Comet.Sim.Tests;

public class ContainerTests
{
    [Test]
    public void Levels_FollowPutsAndGets_WithBlockingOnBothSides()
    {
        var sim = new Simulation();
        var buffer = new Container(sim, 100, 30, "OB[0]") { LevelMonitor = new TimeWeightedMonitor("bytes") };
        var log = new List<string>();
        IEnumerable<Event> Reader()
        {
            yield return buffer.Get(50); // 30 < 50: waits for the put at 3
            log.Add($"got50@{sim.Now} level={buffer.Level}");
            yield return sim.Timeout(3); // t = 6
            yield return buffer.Get(20);
            log.Add($"got20@{sim.Now} level={buffer.Level}");
        }
        IEnumerable<Event> Writer()
        {
            yield return sim.Timeout(3);
            yield return buffer.Put(40); // 70, then the get takes 50 → 20
            log.Add($"put40@{sim.Now}");
            yield return sim.Timeout(1); // t = 4
            yield return buffer.Put(90); // 20 + 90 > 100: waits for the get of 20 at 6
            log.Add($"put90@{sim.Now} level={buffer.Level}");
        }
        sim.Process(Reader(), "reader");
        sim.Process(Writer(), "writer");
        sim.Run();
        Assert.That(log, Is.EqualTo(new[]
        {
            // The get of 20 at 6 empties the buffer, which admits the waiting put of 90 in the same cycle.
            "put40@3", "got50@3 level=20", "got20@6 level=90", "put90@6 level=90",
        }));
        Assert.That(buffer.Level, Is.EqualTo(90));
        // Level: 30 on [0,3), 20 on [3,6), 90 from 6 → area over [0,10) = 90 + 60 + 360.
        Assert.That(buffer.LevelMonitor!.Area(10), Is.EqualTo(510));
    }

    [Test]
    public void Gets_AreStrictlyFifo_ALargeHeadBlocksASmallerOne()
    {
        var sim = new Simulation();
        var buffer = new Container(sim, 100, 50, "IB");
        var done = new Dictionary<string, long>();
        IEnumerable<Event> Get(string name, long at, long amount)
        {
            yield return sim.Timeout(at);
            yield return buffer.Get(amount);
            done[name] = sim.Now;
        }
        IEnumerable<Event> Put(long at, long amount)
        {
            yield return sim.Timeout(at);
            yield return buffer.Put(amount);
        }
        sim.Process(Get("big", 0, 80), "big");
        sim.Process(Get("small", 1, 10), "small");
        sim.Process(Put(2, 30), "p30");
        sim.Process(Put(3, 10), "p10");
        sim.Run();
        // At 1 the level (50) would cover 10, but "big" is ahead; at 2 big takes 80 → 0; at 3 the put of 10 serves "small".
        Assert.That(done["big"], Is.EqualTo(2));
        Assert.That(done["small"], Is.EqualTo(3));
        Assert.That(buffer.Level, Is.EqualTo(0));
    }

    [Test]
    public void Amount_LargerThanCapacity_IsRejected()
    {
        var sim = new Simulation();
        var buffer = new Container(sim, 64, 0, "tiny");
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => buffer.Get(65));
        Assert.That(ex!.Message, Does.Contain("tiny"));
    }
}
