using NUnit.Framework;

namespace Comet.Sim.Tests;

public class ContainerTryTests
{
    [Test]
    public void TryGetAndTryPut_ChangeTheLevelAtOnce_WithoutAnEvent()
    {
        var sim = new Simulation();
        var space = new Container(sim, 10, 4, "OB");

        Assert.That(space.TryGet(3), Is.True);
        Assert.That(space.Level, Is.EqualTo(1));
        Assert.That(space.TryGet(2), Is.False, "only 1 is there");
        Assert.That(space.Level, Is.EqualTo(1), "a refused TryGet changes nothing");
        Assert.That(space.TryPut(9), Is.True);
        Assert.That(space.TryPut(1), Is.False, "full");
        Assert.That(space.Level, Is.EqualTo(10));

        sim.Run();
        Assert.That(sim.ProcessedEvents, Is.Zero, "immediate operations schedule nothing");
    }

    [Test]
    public void TryPut_ServesAWaitingGetter_AndTryGetDoesNotJumpTheQueue()
    {
        var sim = new Simulation();
        var space = new Container(sim, 10, 0, "OB");
        long servedAt = -1;
        sim.Process(Waiter());
        sim.Process(Filler());
        sim.Run();

        // The getter asked for 5 at cycle 0; TryPut(3) at 2 and TryPut(4) at 4 make 7, so it is served at 4 and 2 remain.
        Assert.That(servedAt, Is.EqualTo(4));
        Assert.That(space.Level, Is.EqualTo(2));

        IEnumerable<Event> Waiter()
        {
            yield return space.Get(5);
            servedAt = sim.Now;
        }

        IEnumerable<Event> Filler()
        {
            yield return sim.Timeout(2);
            Assert.That(space.TryPut(3), Is.True);
            Assert.That(space.TryGet(1), Is.False, "a getter is waiting: no overtaking");
            yield return sim.Timeout(2);
            Assert.That(space.TryPut(4), Is.True);
        }
    }
}
