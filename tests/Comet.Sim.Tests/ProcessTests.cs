using NUnit.Framework;

namespace Comet.Sim.Tests;

public class ProcessTests
{
    [Test]
    public void Process_WaitingOnAnotherProcess_ResumesWhenItEnds()
    {
        var sim = new Simulation();
        long resumedAt = -1;
        IEnumerable<Event> Child()
        {
            yield return sim.Timeout(7);
        }
        IEnumerable<Event> Parent()
        {
            yield return sim.Timeout(2);
            var child = sim.Process(Child(), "child");
            yield return child; // starts at 2, ends at 9
            resumedAt = sim.Now;
            yield return sim.Timeout(3);
        }
        var parent = sim.Process(Parent(), "parent");
        sim.Run();
        Assert.That(resumedAt, Is.EqualTo(9));
        Assert.That(sim.Now, Is.EqualTo(12));
        Assert.That(parent.IsProcessed && parent.IsOk, Is.True);
    }

    [Test]
    public void Yielding_AFinishedProcess_ContinuesWithoutWaiting()
    {
        var sim = new Simulation();
        var child = sim.Process(Enumerable.Empty<Event>(), "instant");
        var times = new List<long>();
        IEnumerable<Event> Parent()
        {
            yield return sim.Timeout(5);
            yield return child; // ended at 0
            times.Add(sim.Now);
        }
        sim.Process(Parent(), "parent");
        sim.Run();
        Assert.That(times, Is.EqualTo(new long[] { 5 }));
    }

    [Test]
    public void Interrupt_ResumesTheTargetAtOnce_AndAbandonsItsTimeout()
    {
        var sim = new Simulation();
        var log = new List<string>();
        IEnumerable<Event> Victim()
        {
            yield return sim.Timeout(100);
            if (sim.ActiveProcess!.HandleInterrupt(out var cause))
                log.Add($"interrupted@{sim.Now}:{cause}");
            yield return sim.Timeout(5);
            log.Add($"done@{sim.Now}");
        }
        var victim = sim.Process(Victim(), "victim");
        IEnumerable<Event> Interrupter()
        {
            yield return sim.Timeout(10);
            victim.Interrupt("preempt");
        }
        sim.Process(Interrupter(), "interrupter");
        sim.Run();
        Assert.That(log, Is.EqualTo(new[] { "interrupted@10:preempt", "done@15" }));
        // The abandoned timeout still fires at 100, but resumes nobody.
        Assert.That(sim.Now, Is.EqualTo(100));
        // 2 starts, timeout(10), interruption, interrupter end, timeout(5), victim end, abandoned timeout(100).
        Assert.That(sim.ProcessedEvents, Is.EqualTo(8));
    }

    [Test]
    public void Interrupt_NotHandledByTheBody_StopsTheRunNamingTheProcess()
    {
        var sim = new Simulation();
        IEnumerable<Event> Careless()
        {
            yield return sim.Timeout(50);
            yield return sim.Timeout(50);
        }
        var careless = sim.Process(Careless(), "careless");
        IEnumerable<Event> Interrupter()
        {
            yield return sim.Timeout(1);
            careless.Interrupt();
        }
        sim.Process(Interrupter(), "interrupter");
        var ex = Assert.Throws<InvalidOperationException>(() => sim.Run());
        Assert.That(ex!.Message, Does.Contain("'careless'").And.Contain("HandleInterrupt"));
        Assert.That(sim.Now, Is.EqualTo(1));
    }

    [Test]
    public void FailedEvent_HandledWithHandleFault_DeliversTheException()
    {
        var sim = new Simulation();
        var signal = sim.Event("signal");
        string? seen = null;
        IEnumerable<Event> Waiter()
        {
            yield return signal;
            if (sim.ActiveProcess!.HandleFault(out var ex))
                seen = $"{ex!.Message}@{sim.Now}";
        }
        IEnumerable<Event> Failer()
        {
            yield return sim.Timeout(4);
            signal.Fail(new InvalidOperationException("link down"));
        }
        var waiter = sim.Process(Waiter(), "waiter");
        sim.Process(Failer(), "failer");
        sim.Run();
        Assert.That(seen, Is.EqualTo("link down@4"));
        Assert.That(waiter.IsOk, Is.True);
    }

    [Test]
    public void FailedEvent_NotHandled_FailsTheProcess_WhichItsParentSees()
    {
        var sim = new Simulation();
        var signal = sim.Event("signal");
        Exception? parentSaw = null;
        long sawAt = -1;
        Process? child = null;
        IEnumerable<Event> Child()
        {
            yield return signal;
            yield return sim.Timeout(1000); // the body runs on to its next yield, then the unhandled fault ends it
            Assert.Fail("a failed process is never resumed");
        }
        IEnumerable<Event> Parent()
        {
            child = sim.Process(Child(), "child");
            yield return child;
            sim.ActiveProcess!.HandleFault(out parentSaw);
            sawAt = sim.Now;
        }
        sim.Process(Parent(), "parent");
        signal.Fail(new TimeoutException("late"));
        sim.Run();
        Assert.That(parentSaw, Is.TypeOf<TimeoutException>());
        Assert.That(sawAt, Is.EqualTo(0));
        Assert.That(child!.IsAlive, Is.False);
        Assert.That(child.IsOk, Is.False);
    }

    [Test]
    public void ExceptionInABody_PropagatesOutOfRun()
    {
        var sim = new Simulation();
        IEnumerable<Event> Broken()
        {
            yield return sim.Timeout(3);
            throw new ArithmeticException("bad tile");
        }
        sim.Process(Broken(), "broken");
        var ex = Assert.Throws<ArithmeticException>(() => sim.Run());
        Assert.That(ex!.Message, Is.EqualTo("bad tile"));
        Assert.That(sim.Now, Is.EqualTo(3));
    }
}
