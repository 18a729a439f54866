using System.Diagnostics;
using Comet.Sim;

namespace Comet.Bench;

/// <summary>The kernel benchmark scenarios; each warms up, then measures a window of events for time and allocation.</summary>
public static class KernelScenarios
{
    /// <summary>Processes contending in the resource scenario.</summary>
    public const int ResourceUsers = 100;

    /// <summary>Units of the contended resource.</summary>
    public const int ResourceCapacity = 4;

    /// <summary>Slots of the store between producer and consumer.</summary>
    public const int StoreCapacity = 16;

    private const long MaxDelay = 100;

    /// <summary>N processes, each looping on a random timeout in [1, 100) cycles.</summary>
    public static KernelMeasurement Hold(int n, long events)
    {
        var sim = new Simulation(42);
        for (var i = 0; i < n; i++)
            sim.Process(HoldBody(sim), "hold");
        return Measure(sim, Warmup(n, events), events);
    }

    /// <summary>The physical limit: a raw <see cref="PriorityQueue{TElement,TPriority}"/> popping and re-pushing N items with the same random delays.</summary>
    public static KernelMeasurement RawQueue(int n, long events)
    {
        var random = new SimRandom(42);
        var queue = new PriorityQueue<int, KernelRawKey>(n);
        long seq = 0;
        for (var i = 0; i < n; i++)
            queue.Enqueue(i, new KernelRawKey(0, seq++));
        var warmup = Warmup(n, events);
        long checksum = 0;
        void Loop(long count)
        {
            for (long e = 0; e < count; e++)
            {
                queue.TryDequeue(out var id, out var key);
                checksum += id;
                queue.Enqueue(id, new KernelRawKey(key.Time + random.NextInt64(1, MaxDelay), seq++));
            }
        }
        Loop(warmup);
        var bytes = GC.GetAllocatedBytesForCurrentThread();
        var watch = Stopwatch.StartNew();
        Loop(events);
        watch.Stop();
        bytes = GC.GetAllocatedBytesForCurrentThread() - bytes;
        GC.KeepAlive(checksum);
        return new KernelMeasurement(events, events / watch.Elapsed.TotalSeconds, (double)bytes / events);
    }

    /// <summary>A producer putting into a bounded store and a consumer getting from it, each pausing a random number of cycles.</summary>
    public static KernelMeasurement Store(long events)
    {
        var sim = new Simulation(42);
        var store = new Store<long>(sim, StoreCapacity, "fifo");
        sim.Process(Producer(sim, store), "producer");
        sim.Process(Consumer(sim, store), "consumer");
        return Measure(sim, Warmup(2, events), events);
    }

    /// <summary>Users repeatedly holding one unit of a scarce resource for a random time, then thinking for a random time.</summary>
    public static KernelMeasurement Resource(int users, long events)
    {
        var sim = new Simulation(42);
        var resource = new Resource(sim, ResourceCapacity, "server");
        for (var i = 0; i < users; i++)
            sim.Process(User(sim, resource), "user");
        return Measure(sim, Warmup(users, events), events);
    }

    private static long Warmup(int n, long events) => Math.Max(4L * n, events / 5);

    private static KernelMeasurement Measure(Simulation sim, long warmup, long events)
    {
        RunEvents(sim, warmup);
        var start = sim.ProcessedEvents;
        var bytes = GC.GetAllocatedBytesForCurrentThread();
        var watch = Stopwatch.StartNew();
        RunEvents(sim, events);
        watch.Stop();
        bytes = GC.GetAllocatedBytesForCurrentThread() - bytes;
        var done = sim.ProcessedEvents - start;
        return new KernelMeasurement(done, done / watch.Elapsed.TotalSeconds, (double)bytes / done);
    }

    private static void RunEvents(Simulation sim, long count)
    {
        var target = sim.ProcessedEvents + count;
        while (sim.ProcessedEvents < target && sim.Step())
        {
        }
    }

    private static IEnumerable<Event> HoldBody(Simulation sim)
    {
        var random = sim.Random;
        while (true)
            yield return sim.Timeout(random.NextInt64(1, MaxDelay));
    }

    private static IEnumerable<Event> Producer(Simulation sim, Store<long> store)
    {
        var random = sim.Random;
        for (long i = 0; ; i++)
        {
            yield return sim.Timeout(random.NextInt64(1, 10));
            yield return store.Put(i);
        }
    }

    private static IEnumerable<Event> Consumer(Simulation sim, Store<long> store)
    {
        var random = sim.Random;
        long sum = 0;
        while (true)
        {
            var get = store.Get();
            yield return get;
            sum += get.Item;
            yield return sim.Timeout(random.NextInt64(1, 10));
        }
    }

    private static IEnumerable<Event> User(Simulation sim, Resource resource)
    {
        var random = sim.Random;
        while (true)
        {
            using (var grant = resource.Request())
            {
                yield return grant;
                yield return sim.Timeout(random.NextInt64(1, 10));
            }
            yield return sim.Timeout(random.NextInt64(1, 40));
        }
    }
}
