using NUnit.Framework;

namespace Comet.Sim.Tests;

public class TryRequestTests
{
    /// <summary>Users arriving at 0,0,1,2,3,7 (hold 5) on a 2-unit port; returns each user's (start, end) and the events processed.</summary>
    private static (List<(long Start, long End)> Spans, long Events) Run(bool fast)
    {
        var sim = new Simulation();
        var port = new Resource(sim, 2, "port");
        var spans = new List<(long, long)>();
        var arrivals = new long[] { 0, 0, 1, 2, 3, 7 };
        for (var i = 0; i < arrivals.Length; i++)
            spans.Add((-1, -1));
        IEnumerable<Event> User(int i)
        {
            yield return sim.Timeout(arrivals[i]);
            Request grant;
            if (fast)
            {
                if (!port.TryRequest(out grant))
                    yield return grant;
            }
            else
            {
                grant = port.Request();
                if (grant.Status != RequestStatus.Granted)
                    yield return grant;
            }
            using (grant)
            {
                var start = sim.Now;
                yield return sim.Timeout(5);
                spans[i] = (start, sim.Now);
            }
        }
        for (var i = 0; i < arrivals.Length; i++)
            sim.Process(User(i), $"u{i}");
        sim.Run();
        Assert.That(port.InUse, Is.Zero);
        return (spans, sim.ProcessedEvents);
    }

    [Test]
    public void TryRequest_GivesTheSameTimesAsRequest_WithOneEventFewerPerImmediateGrant()
    {
        var slow = Run(fast: false);
        var fast = Run(fast: true);
        // u0,u1 granted at 0 → [0,5); u2 waits → [5,10); u3 → [5,10); u4 → [10,15); u5 at 7 queues behind u4 → [10,15).
        Assert.That(slow.Spans, Is.EqualTo(new[] { (0L, 5L), (0L, 5L), (5L, 10L), (5L, 10L), (10L, 15L), (10L, 15L) }));
        Assert.That(fast.Spans, Is.EqualTo(slow.Spans));
        Assert.That(slow.Events - fast.Events, Is.EqualTo(2), "u0 and u1 were granted at once");
    }

    [Test]
    public void TryRequest_WhenBusy_Queues_AndAnImmediateGrantIsAlreadyProcessed()
    {
        var sim = new Simulation();
        var port = new Resource(sim, 1, "port");
        Assert.That(port.TryRequest(out var first), Is.True);
        Assert.That(first.IsProcessed, Is.True, "yielding it would continue at once");
        Assert.That(port.InUse, Is.EqualTo(1));
        Assert.That(port.TryRequest(out var second), Is.False);
        Assert.That(second.Status, Is.EqualTo(RequestStatus.Queued));
        Assert.That(port.QueueLength, Is.EqualTo(1));
        first.Dispose();
        Assert.That(second.Status, Is.EqualTo(RequestStatus.Granted));
        second.Dispose();
        sim.Run();
        Assert.That(port.InUse, Is.Zero);
    }
}
