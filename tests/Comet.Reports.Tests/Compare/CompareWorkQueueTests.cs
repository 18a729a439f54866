using Comet.Reports.Compare;
using NUnit.Framework;

namespace Comet.Reports.Tests.Compare;

/// <summary>The compare sweep's queue: largest run first, a case's switched runs only after its first run, and done when all are taken.</summary>
public class CompareWorkQueueTests
{
    [Test]
    public void TryTake_FirstRunsLargestEstimateFirst_SwitchedRunsWhenLargerThanTheNextFirstRun()
    {
        // estimates 10, 300, 50: first runs in order 1, 2, 0.
        var queue = new CompareWorkQueue([10, 300, 50]);
        Assert.That(Take(queue), Is.EqualTo((1, -1)));
        queue.FirstRunDone(1, events: 400, switches: [0, 3]);

        // case 1's switched runs (400 events) beat case 2's first run (estimate 50); switch order breaks the tie.
        Assert.That(Take(queue), Is.EqualTo((1, 0)));
        Assert.That(Take(queue), Is.EqualTo((1, 3)));
        Assert.That(Take(queue), Is.EqualTo((2, -1)));
        queue.FirstRunDone(2, events: 5, switches: [1]);

        // case 2's switched run (5 events) waits behind case 0's first run (estimate 10).
        Assert.That(Take(queue), Is.EqualTo((0, -1)));
        Assert.That(Take(queue), Is.EqualTo((2, 1)));
        queue.FirstRunDone(0, events: 10, switches: []);
        Assert.That(queue.TryTake(out _), Is.False);
    }

    [Test]
    public void TryTake_NothingReadyWhileAFirstRunIsInProgress_WaitsForItsSwitchedRuns()
    {
        var queue = new CompareWorkQueue([7]);
        Assert.That(Take(queue), Is.EqualTo((0, -1)));
        var waiter = Task.Run(() => queue.TryTake(out var run) ? run : (-9, -9));
        Assert.That(waiter.Wait(100), Is.False, "a worker must wait, not stop, while a first run may still queue work");
        queue.FirstRunDone(0, events: 7, switches: [2]);
        Assert.That(waiter.Wait(10_000), Is.True);
        Assert.That(waiter.Result, Is.EqualTo((0, 2)));
    }

    private static (int Case, int Switch) Take(CompareWorkQueue queue)
    {
        Assert.That(queue.TryTake(out var run), Is.True);
        return run;
    }
}
