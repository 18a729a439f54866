using NUnit.Framework;

namespace Comet.Sim.Tests;

public class EventQueueTests
{
    [TestCase(55)] // a queue that keeps growing
    [TestCase(35)] // a nearly empty queue, where the next time comes from the push hint rather than the bitmap
    public void RandomSchedule_PopsInTimeThenOrderKeyOrder_LikeASortedReference(int pushPercent)
    {
        // Delays cover the current batch (0), the timing wheel and the far heap beyond it.
        var sim = new Simulation();
        var queue = new EventQueue();
        var random = new SimRandom(99);
        var reference = new SortedSet<(long Time, long Order, int Id)>();
        var events = new Dictionary<Event, int>();
        var seq = 0L;
        var popped = 0;
        for (var step = 0; step < 200_000; step++)
        {
            if (reference.Count == 0 || random.Next(100) < pushPercent)
            {
                var kind = random.Next(10);
                long delay = kind switch
                {
                    < 3 => 0,
                    < 8 => random.NextInt64(1, 300),
                    < 9 => random.NextInt64(EventQueue.WheelSize - 5, EventQueue.WheelSize + 5),
                    _ => random.NextInt64(1, 20_000),
                };
                var priority = random.Next(20) == 0 ? random.Next(5) - 2 : 0;
                // One push in ten is urgent (a process start or interrupt): due now, before every ordinary entry.
                var urgent = random.Next(10) == 0;
                var order = urgent ? seq++ : ((long)(priority + 32768) << 47) | seq++;
                var ev = new Event(sim);
                var id = events.Count;
                events.Add(ev, id);
                if (urgent)
                {
                    queue.PushUrgent(order, ev);
                    reference.Add((queue.Now, order, id));
                }
                else
                {
                    queue.Push(queue.Now + delay, order, ev);
                    reference.Add((queue.Now + delay, order, id));
                }
            }
            else
            {
                var expected = reference.Min;
                reference.Remove(expected);
                Assert.That(queue.TryPop(out var ev, out var time), Is.True);
                Assert.That((time, events[ev]), Is.EqualTo((expected.Time, expected.Id)), $"pop #{popped}");
                popped++;
            }
            Assert.That(queue.Count, Is.EqualTo(reference.Count));
        }
        Assert.That(popped, Is.GreaterThan(40_000));
    }

    [Test]
    public void UrgentEntries_GoBeforeTheCyclesOrdinaryEntries_ButNotBeforeASmallerKeyInTheSlot()
    {
        var sim = new Simulation();
        var queue = new EventQueue();
        var ordinary = new Event(sim);
        var urgentKeyInSlot = new Event(sim);
        var urgent1 = new Event(sim);
        var urgent2 = new Event(sim);
        queue.Push(0, 1L << 47, ordinary);
        queue.Push(0, 1, urgentKeyInSlot);
        queue.PushUrgent(2, urgent1);
        queue.PushUrgent(3, urgent2);
        Assert.That(queue.Count, Is.EqualTo(4));
        var popped = new List<Event>();
        while (queue.TryPop(out var ev, out var time))
        {
            Assert.That(time, Is.Zero);
            popped.Add(ev);
        }

        Assert.That(popped, Is.EqualTo(new[] { urgentKeyInSlot, urgent1, urgent2, ordinary }));
    }

    [Test]
    public void AdvanceTo_ThenSchedulingAtTheSameCycle_KeepsEarlierEntriesFirst()
    {
        var sim = new Simulation();
        var queue = new EventQueue();
        var early = new Event(sim);
        var late = new Event(sim);
        queue.Push(10, 1, early);
        queue.AdvanceTo(10);
        queue.Push(10, 2, late);
        Assert.That(queue.TryPop(out var first, out var t1) && t1 == 10, Is.True);
        Assert.That(queue.TryPop(out var second, out _), Is.True);
        Assert.That(new[] { first, second }, Is.EqualTo(new[] { early, late }));
    }

    [Test]
    public void RunUntil_ProcessesEventsStrictlyBefore_AndMovesTheClock()
    {
        var sim = new Simulation();
        var fired = new List<long>();
        foreach (var d in new long[] { 3, 10, 10, 12 })
            sim.Timeout(d).AddCallback(e => fired.Add(sim.Now));
        sim.Run(10);
        Assert.That(fired, Is.EqualTo(new long[] { 3 }));
        Assert.That(sim.Now, Is.EqualTo(10));
        sim.Timeout(0).AddCallback(_ => fired.Add(-sim.Now));
        sim.Run(11);
        // The two timeouts made at 0 for cycle 10 come before the one made at 10.
        Assert.That(fired, Is.EqualTo(new long[] { 3, 10, 10, -10 }));
        sim.Run(5000);
        Assert.That(fired, Is.EqualTo(new long[] { 3, 10, 10, -10, 12 }));
        Assert.That(sim.Now, Is.EqualTo(5000));
    }
}
