using NUnit.Framework;

namespace Comet.Sim.Tests;

public class StoreTests
{
    [Test]
    public void CapacityOne_BlocksProducerWhenFull_AndConsumerWhenEmpty()
    {
        var sim = new Simulation();
        var store = new Store<int>(sim, 1, "tiles");
        var putDone = new List<long>();
        var got = new List<(long Time, int Item)>();
        IEnumerable<Event> Producer()
        {
            for (var i = 1; i <= 3; i++)
            {
                yield return store.Put(i);
                putDone.Add(sim.Now);
            }
        }
        IEnumerable<Event> Consumer()
        {
            for (var i = 0; i < 3; i++)
            {
                yield return sim.Timeout(5);
                var get = store.Get();
                yield return get;
                got.Add((sim.Now, get.Item));
            }
        }
        sim.Process(Producer(), "producer");
        sim.Process(Consumer(), "consumer");
        sim.Run();
        // Put 1 fits at 0; put 2 waits for the get at 5; put 3 for the get at 10.
        Assert.That(putDone, Is.EqualTo(new long[] { 0, 5, 10 }));
        Assert.That(got, Is.EqualTo(new[] { (5L, 1), (10L, 2), (15L, 3) }));
        Assert.That(store.Count, Is.EqualTo(0));
    }

    [Test]
    public void Get_OnEmptyStore_WaitsForThePut()
    {
        var sim = new Simulation();
        var store = new Store<string>(sim, name: "mailbox");
        (long, string)? received = null;
        IEnumerable<Event> Consumer()
        {
            var get = store.Get();
            yield return get;
            received = (sim.Now, get.Item);
        }
        IEnumerable<Event> Producer()
        {
            yield return sim.Timeout(7);
            yield return store.Put("tile 3");
        }
        sim.Process(Consumer(), "consumer");
        sim.Process(Producer(), "producer");
        Assert.That(store.GetQueueLength, Is.EqualTo(0));
        sim.Run(1);
        Assert.That(store.GetQueueLength, Is.EqualTo(1));
        sim.Run();
        Assert.That(received, Is.EqualTo((7L, "tile 3")));
    }

    [Test]
    public void Getters_AreServedFirstComeFirstServed()
    {
        var sim = new Simulation();
        var store = new Store<int>(sim, name: "q");
        var order = new List<string>();
        IEnumerable<Event> Getter(string name, long arrive)
        {
            yield return sim.Timeout(arrive);
            var get = store.Get();
            yield return get;
            order.Add($"{name}:{get.Item}@{sim.Now}");
        }
        sim.Process(Getter("late", 2), "late");
        sim.Process(Getter("early", 1), "early");
        IEnumerable<Event> Producer()
        {
            yield return sim.Timeout(10);
            store.Put(100);
            store.Put(200);
        }
        sim.Process(Producer(), "producer");
        sim.Run();
        Assert.That(order, Is.EqualTo(new[] { "early:100@10", "late:200@10" }));
    }

    [Test]
    public void CancelledGet_DoesNotSwallowAnItem()
    {
        var sim = new Simulation();
        var store = new Store<int>(sim, name: "q");
        var abandoned = store.Get();
        abandoned.Cancel();
        var real = store.Get();
        store.Put(42);
        sim.Run();
        Assert.That(real.IsProcessed, Is.True);
        Assert.That(abandoned.IsTriggered, Is.False);
        Assert.That(store.GetQueueLength, Is.EqualTo(0));
    }
}
