using NUnit.Framework;

namespace Comet.Sim.Tests;

public class ConditionTests
{
    [Test]
    public void AllOf_ResumesWhenTheLastEventFires()
    {
        var sim = new Simulation();
        long at = -1;
        IEnumerable<Event> Body()
        {
            yield return sim.AllOf(sim.Timeout(3), sim.Timeout(7), sim.Timeout(5));
            at = sim.Now;
        }
        sim.Process(Body(), "all");
        sim.Run();
        Assert.That(at, Is.EqualTo(7));
    }

    [Test]
    public void AnyOf_ResumesAtTheFirstEvent_AndNamesIt()
    {
        var sim = new Simulation();
        long at = -1;
        Event? first = null;
        var fast = sim.Timeout(3);
        IEnumerable<Event> Body()
        {
            var any = sim.AnyOf(sim.Timeout(9), fast, sim.Timeout(5));
            yield return any;
            at = sim.Now;
            first = any.FirstEvent;
        }
        sim.Process(Body(), "any");
        sim.Run();
        Assert.That(at, Is.EqualTo(3));
        Assert.That(first, Is.SameAs(fast));
        Assert.That(sim.Now, Is.EqualTo(9)); // the other timeouts still fire
    }

    [Test]
    public void AllOf_OfProcesses_WaitsForTheSlowest()
    {
        var sim = new Simulation();
        IEnumerable<Event> Worker(long cycles)
        {
            yield return sim.Timeout(cycles);
        }
        long at = -1;
        IEnumerable<Event> Join()
        {
            var workers = new[] { 4L, 11, 6 }.Select(c => (Event)sim.Process(Worker(c), $"w{c}")).ToArray();
            yield return sim.AllOf(workers);
            at = sim.Now;
        }
        sim.Process(Join(), "join");
        sim.Run();
        Assert.That(at, Is.EqualTo(11));
    }

    [Test]
    public void EmptyConditions_SucceedAtOnce()
    {
        var sim = new Simulation();
        var all = sim.AllOf();
        var any = sim.AnyOf(Array.Empty<Event>());
        sim.Run();
        Assert.That(all.IsProcessed && all.IsOk && any.IsProcessed && any.IsOk, Is.True);
        Assert.That(sim.Now, Is.EqualTo(0));
    }

    [Test]
    public void AllOf_FailsWithTheFirstFailure()
    {
        var sim = new Simulation();
        var bad = sim.Event("bad");
        Exception? seen = null;
        long at = -1;
        IEnumerable<Event> Body()
        {
            yield return sim.AllOf(sim.Timeout(10), bad);
            sim.ActiveProcess!.HandleFault(out seen);
            at = sim.Now;
        }
        IEnumerable<Event> Failer()
        {
            yield return sim.Timeout(2);
            bad.Fail(new IOException("parity"));
        }
        sim.Process(Body(), "body");
        sim.Process(Failer(), "failer");
        sim.Run();
        Assert.That(seen, Is.TypeOf<IOException>());
        Assert.That(at, Is.EqualTo(2));
    }
}
