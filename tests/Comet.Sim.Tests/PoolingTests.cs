using NUnit.Framework;

namespace Comet.Sim.Tests;

public class PoolingTests
{
    [Test]
    public void ATimeoutThatFiredUnwatched_StillReadsAsProcessed_WhenYieldedLater()
    {
        var sim = new Simulation();
        var times = new List<long>();
        IEnumerable<Event> Body()
        {
            var early = sim.Timeout(5);
            yield return sim.Timeout(10);
            yield return early; // fired at 5 with nobody waiting: continue at once
            times.Add(sim.Now);
            yield return sim.Timeout(1);
            times.Add(sim.Now);
        }
        sim.Process(Body(), "p");
        sim.Run();
        Assert.That(times, Is.EqualTo(new long[] { 10, 11 }));
    }

    [Test]
    public void ASignal_IsRecycledAfterItsWaiterResumed_AndReadsAsPendingWhenHandedOutAgain()
    {
        var sim = new Simulation();
        var first = sim.Signal();
        Event? second = null;
        var resumedAt = -1L;
        IEnumerable<Event> Waiter()
        {
            yield return first;
            resumedAt = sim.Now;
            second = sim.Signal(); // the first is still in use while its waiter runs
        }

        IEnumerable<Event> Ringer()
        {
            yield return sim.Timeout(4);
            first.Succeed();
        }

        sim.Process(Waiter(), "waiter");
        sim.Process(Ringer(), "ringer");
        sim.Run();
        Assert.That(resumedAt, Is.EqualTo(4));
        Assert.That(second, Is.Not.SameAs(first));
        var third = sim.Signal(); // the first came back after its waiter resumed
        Assert.That(third, Is.SameAs(first));
        Assert.That(third.IsTriggered, Is.False);
    }

    [TestCase("hold")]
    [TestCase("resource")]
    [TestCase("store and container")]
    public void SteadyState_AllocatesAlmostNothingPerEvent(string scenario)
    {
        var sim = new Simulation(1);
        var res = new Resource(sim, 3, "r");
        var store = new Store<int>(sim, 4, "s");
        var box = new Container(sim, 1000, 0, "c");
        IEnumerable<Event> Hold()
        {
            while (true)
                yield return sim.Timeout(sim.Random.NextInt64(1, 50));
        }
        IEnumerable<Event> User()
        {
            while (true)
            {
                using (var g = res.Request())
                {
                    yield return g;
                    yield return sim.Timeout(sim.Random.NextInt64(1, 5));
                }
                yield return sim.Timeout(sim.Random.NextInt64(1, 10));
            }
        }
        IEnumerable<Event> Producer()
        {
            for (var i = 0; ; i++)
            {
                yield return sim.Timeout(sim.Random.NextInt64(1, 4));
                yield return store.Put(i);
                yield return box.Put(100);
            }
        }
        IEnumerable<Event> Consumer()
        {
            while (true)
            {
                var get = store.Get();
                yield return get;
                yield return box.Get(100);
                yield return sim.Timeout(sim.Random.NextInt64(1, 4));
            }
        }
        switch (scenario)
        {
            case "hold":
                for (var i = 0; i < 100; i++)
                    sim.Process(Hold(), "h");
                break;
            case "resource":
                for (var i = 0; i < 20; i++)
                    sim.Process(User(), "u");
                break;
            default:
                sim.Process(Producer(), "producer");
                sim.Process(Consumer(), "consumer");
                break;
        }
        void RunEvents(long n)
        {
            var target = sim.ProcessedEvents + n;
            while (sim.ProcessedEvents < target)
                sim.Step();
        }
        RunEvents(50_000); // pools, queues and wheel arrays reach their working size
        var before = GC.GetAllocatedBytesForCurrentThread();
        RunEvents(200_000);
        var perEvent = (GC.GetAllocatedBytesForCurrentThread() - before) / 200_000.0;
        Assert.That(perEvent, Is.LessThan(1.0));
    }
}
