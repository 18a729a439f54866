using NUnit.Framework;

namespace Comet.Sim.Tests;

public class DeadlockTests
{
    [Test]
    public void Run_WithProcessesWaitingAndNothingPending_NamesEachAndWhatItWaitsOn()
    {
        var sim = new Simulation();
        var space = new Container(sim, 8192, 0, "OB[3].space");
        var tiles = new Store<int>(sim, 4, "tiles");
        IEnumerable<Event> Gemm()
        {
            yield return sim.Timeout(12);
            yield return space.Get(4096);
        }
        IEnumerable<Event> Dma()
        {
            var get = tiles.Get();
            yield return get;
        }
        sim.Process(Gemm(), "GEMM[3]");
        sim.Process(Dma(), "DMA[0]");
        var ex = Assert.Throws<DeadlockException>(() => sim.Run());
        Assert.That(ex!.Cycle, Is.EqualTo(12));
        Assert.That(ex.Waiting, Is.EqualTo(new[]
        {
            "process 'GEMM[3]' waits on Container 'OB[3].space' Get(4096)",
            "process 'DMA[0]' waits on Store 'tiles' Get",
        }));
        Assert.That(ex.Message, Does.Contain("deadlock at cycle 12"));
        Assert.That(ex.Message, Does.Contain("process 'GEMM[3]' waits on Container 'OB[3].space' Get(4096)"));
    }

    [Test]
    public void Run_ProcessWaitingOnAProcessAndAResource_IsDescribed()
    {
        var sim = new Simulation();
        var bus = new Resource(sim, 1, "NoC link 0→1");
        IEnumerable<Event> Hog()
        {
            var g = bus.Request();
            yield return g;
            yield return sim.Event("never");
        }
        IEnumerable<Event> Sender()
        {
            using var g = bus.Request();
            yield return g;
        }
        var hog = sim.Process(Hog(), "hog");
        sim.Process(Sender(), "sender");
        IEnumerable<Event> Joiner()
        {
            yield return hog;
        }
        sim.Process(Joiner(), "joiner");
        var ex = Assert.Throws<DeadlockException>(() => sim.Run());
        Assert.That(ex!.Waiting, Is.EqualTo(new[]
        {
            "process 'hog' waits on Event 'never'",
            "process 'sender' waits on Resource 'NoC link 0→1' Request",
            "process 'joiner' waits on process 'hog'",
        }));
    }

    [Test]
    public void Run_WithOnlyDaemonsWaiting_EndsNormally()
    {
        var sim = new Simulation();
        var queue = new Store<int>(sim, name: "requests");
        var served = 0;
        IEnumerable<Event> Server()
        {
            while (true)
            {
                yield return queue.Get();
                served++;
            }
        }
        sim.Process(Server(), "server").IsDaemon = true;
        IEnumerable<Event> Client()
        {
            for (var i = 0; i < 3; i++)
            {
                yield return sim.Timeout(2);
                yield return queue.Put(i);
            }
        }
        sim.Process(Client(), "client");
        sim.Run();
        Assert.That(served, Is.EqualTo(3));
        Assert.That(sim.Now, Is.EqualTo(6));
    }

    [Test]
    public void RunUntilEvent_ThatNeverHappens_ReportsIt()
    {
        var sim = new Simulation();
        var stop = sim.Event("end of layer");
        sim.Process(new[] { sim.Timeout(5) }, "short");
        var ex = Assert.Throws<DeadlockException>(() => sim.Run(stop));
        Assert.That(ex!.Message, Does.Contain("Event 'end of layer' was never processed"));
        Assert.That(ex.Cycle, Is.EqualTo(5));
    }
}
