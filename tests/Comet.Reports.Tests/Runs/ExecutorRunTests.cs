using Comet.Reports.Output;
using Comet.Reports.Runs;
using Comet.Reports.Tracing;
using Comet.Sim;
using NUnit.Framework;

namespace Comet.Reports.Tests.Runs;

/// <summary>The one simulation loop: it runs to the end, stops between two events when cancelled, and stops at an event budget.</summary>
public class ExecutorRunTests
{
    [Test]
    public void Run_NoCancellation_RunsEveryStep()
    {
        var left = 10_000;
        var result = ExecutorRun.Run(() => --left >= 0, () => 10_000 - left, CancellationToken.None, checkEvery: 7);
        Assert.That(result, Is.EqualTo(new RunEnd(false, false, 10_000, 10_001)));
    }

    [Test]
    public void Run_CancelledBeforeStart_TakesNoStep()
    {
        using var source = new CancellationTokenSource();
        source.Cancel();
        var steps = 0;
        var result = ExecutorRun.Run(() => { steps++; return true; }, () => 0, source.Token);
        Assert.That(steps, Is.Zero);
        Assert.That(result.Cancelled, Is.True);
    }

    [Test]
    public void Run_CancelledMidway_StopsWithinOneCheckInterval()
    {
        using var source = new CancellationTokenSource();
        long steps = 0;
        var result = ExecutorRun.Run(
            () =>
            {
                if (++steps == 5_000)
                {
                    source.Cancel();
                }

                return true;
            },
            () => steps,
            source.Token,
            checkEvery: 64);
        Assert.That(result.Cancelled, Is.True);
        Assert.That(result.Events, Is.InRange(5_000, 5_000 + 64));
        Assert.That(result.Events % 64, Is.Zero);
    }

    [Test]
    public void Simulation_CancelledMidRun_LeavesACompleteValidTraceOfWhatWasSimulated()
    {
        var root = Path.Combine(Path.GetTempPath(), "comet-cancel-" + Guid.NewGuid().ToString("N"));
        try
        {
            var final = Path.Combine(root, "run");
            using var source = new CancellationTokenSource();
            RunEnd result;
            long written;
            using (var dir = OutputDirectory.Begin(final))
            {
                var sim = new Simulation(seed: 3);
                var sink = new CsvTraceSink(dir.PathFor("trace.csv"));
                sim.Trace = sink;
                for (var engine = 0; engine < 4; engine++)
                {
                    sim.Process(Engine(sim, engine, 100_000), $"engine{engine}");
                }

                sim.Process(CancelAt(sim, source, 5_000), "user");
                result = ExecutorRun.Run(sim, source.Token, checkEvery: 16);
                sink.Dispose();
                written = sink.Records;
                dir.Commit(RunInfo.Capture("test", [], DateTimeOffset.UtcNow, cancelled: true));
            }

            Assert.That(result.Cancelled, Is.True);
            Assert.That(result.EndCycle, Is.InRange(5_000, 5_000 + (16 * 10)), "it stops within one check interval of the cancellation");

            // The trace is whole: every row parses and none ends after the cycle the run stopped at.
            var rows = File.ReadLines(Path.Combine(final, "trace.csv")).Skip(1).Select(l => l.Split(',')).ToList();
            Assert.That(rows, Has.All.Length.EqualTo(10));
            Assert.That(rows, Has.Count.EqualTo(written));
            Assert.That(rows, Has.Count.GreaterThan(4 * 5_000 / 10 - 8));
            Assert.That(rows.Max(r => long.Parse(r[1], System.Globalization.CultureInfo.InvariantCulture)), Is.LessThanOrEqualTo(result.EndCycle));
            Assert.That(File.ReadAllText(Path.Combine(final, "trace.csv")), Does.EndWith("\n"));
        }
        finally
        {
            if (Directory.Exists(root))
            {
                Directory.Delete(root, recursive: true);
            }
        }
    }

    [Test]
    public void Simulation_NotCancelled_RunsToTheEnd()
    {
        var sim = new Simulation();
        sim.Process(Engine(sim, 0, 100), "engine0");
        var result = ExecutorRun.Run(sim, CancellationToken.None);
        Assert.That(result, Is.EqualTo(new RunEnd(false, false, result.Events, 1_000)));
        Assert.That(result.Events, Is.GreaterThanOrEqualTo(100));
    }

    [Test]
    public void Run_BudgetSpentWithEventsLeft_StopsOutOfEvents()
    {
        var sim = new Simulation();
        sim.Process(Engine(sim, 0, 100), "engine0");
        var result = ExecutorRun.Run(sim, CancellationToken.None, maxEvents: 50);
        Assert.That(result.OutOfEvents, Is.True);
        Assert.That(result.Events, Is.EqualTo(50));
        Assert.That(result.Finished, Is.False);
        Assert.That(sim.PendingEvents, Is.GreaterThan(0), "the rest of the run is left in the queue");
    }

    [Test]
    public void Run_BudgetOfExactlyTheEventsOfTheRun_IsANaturalEnd()
    {
        var whole = new Simulation();
        whole.Process(Engine(whole, 0, 100), "engine0");
        var events = ExecutorRun.Run(whole, CancellationToken.None).Events;

        var sim = new Simulation();
        sim.Process(Engine(sim, 0, 100), "engine0");
        var result = ExecutorRun.Run(sim, CancellationToken.None, maxEvents: events);
        Assert.That(result, Is.EqualTo(new RunEnd(false, false, events, 1_000)));
    }

    private static IEnumerable<Event> Engine(Simulation sim, int instance, int tiles)
    {
        for (var tile = 0; tile < tiles; tile++)
        {
            var start = sim.Now;
            yield return sim.Timeout(10);
            sim.Trace?.Write(new TraceRecord(start, sim.Now, "GEMM", instance, ActivityKind.Compute, "GEMM", "C", tile, 64, string.Empty));
        }
    }

    private static IEnumerable<Event> CancelAt(Simulation sim, CancellationTokenSource source, long cycle)
    {
        yield return sim.Timeout(cycle);
        source.Cancel();
    }
}
