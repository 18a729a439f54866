using NUnit.Framework;

namespace Comet.Sim.Tests;

public class CallTests
{
    // Two processes take turns on a shared log; one runs its steps through nested calls, the other through foreach
    // loops over the same bodies. Both orders must be the same, cycle by cycle.
    private static List<string> Log(bool call)
    {
        var sim = new Simulation();
        var log = new List<string>();
        IEnumerable<Event> Leaf(string who, int n)
        {
            for (var i = 0; i < n; i++)
            {
                yield return sim.Timeout(3);
                log.Add($"{who}.{i}@{sim.Now}");
            }
        }

        IEnumerable<Event> Middle(string who)
        {
            log.Add($"{who} in@{sim.Now}");
            if (call)
            {
                yield return sim.Call(Leaf(who + "a", 2));
                yield return sim.Call([]);
                yield return sim.Call(Leaf(who + "b", 1));
            }
            else
            {
                foreach (var e in Leaf(who + "a", 2)) yield return e;
                foreach (var e in Enumerable.Empty<Event>()) yield return e;
                foreach (var e in Leaf(who + "b", 1)) yield return e;
            }

            log.Add($"{who} out@{sim.Now}");
        }

        IEnumerable<Event> Top(string who)
        {
            if (call)
            {
                yield return sim.Call(Middle(who));
            }
            else
            {
                foreach (var e in Middle(who)) yield return e;
            }

            yield return sim.Timeout(1);
            log.Add($"{who} end@{sim.Now}");
        }

        sim.Process(Top("p"), "p");
        sim.Process(Top("q"), "q");
        sim.Run();
        return log;
    }

    [Test]
    public void Call_RunsTheCalleeInPlace_SameOrderAsForeach()
    {
        var called = Log(call: true);
        Assert.That(called, Is.EqualTo(Log(call: false)));
        // p: in at 0, a.0 at 3, a.1 at 6, b.0 at 9, out at 9, end at 10.
        Assert.That(called.Where(s => s.StartsWith('p')), Is.EqualTo(new[] { "p in@0", "pa.0@3", "pa.1@6", "pb.0@9", "p out@9", "p end@10" }));
    }

    [Test]
    public void Call_ProcessEndsAfterTheCalleeAndCaller_AndCanBeAwaited()
    {
        var sim = new Simulation();
        IEnumerable<Event> Inner()
        {
            yield return sim.Timeout(4);
        }

        IEnumerable<Event> Outer()
        {
            yield return sim.Call(Inner());
            yield return sim.Call(Inner());
        }

        var p = sim.Process(Outer(), "outer");
        long endedAt = -1;
        IEnumerable<Event> Watcher()
        {
            yield return p;
            endedAt = sim.Now;
        }

        sim.Process(Watcher(), "watcher");
        sim.Run();
        Assert.That(endedAt, Is.EqualTo(8));
    }

    [Test]
    public void Call_AFaultUnhandledInTheCallee_FailsTheProcess_AndDisposesInnermostFirst()
    {
        var sim = new Simulation();
        var disposed = new List<string>();
        var failing = sim.Event();
        IEnumerable<Event> Inner()
        {
            try
            {
                yield return failing;
                yield return sim.Timeout(1);
            }
            finally
            {
                disposed.Add("inner");
            }
        }

        IEnumerable<Event> Outer()
        {
            try
            {
                yield return sim.Call(Inner());
            }
            finally
            {
                disposed.Add("outer");
            }
        }

        var p = sim.Process(Outer(), "outer");
        Exception? seen = null;
        IEnumerable<Event> Watcher()
        {
            yield return p;
            sim.ActiveProcess!.HandleFault(out seen);
        }

        sim.Process(Watcher(), "watcher");
        IEnumerable<Event> Trip()
        {
            yield return sim.Timeout(2);
            failing.Fail(new InvalidOperationException("boom"));
        }

        sim.Process(Trip(), "trip");
        sim.Run();
        Assert.That(seen?.Message, Is.EqualTo("boom"));
        Assert.That(disposed, Is.EqualTo(new[] { "inner", "outer" }));
    }
}
