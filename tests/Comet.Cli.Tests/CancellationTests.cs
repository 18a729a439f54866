using Comet.Cli.Cancellation;
using Comet.Plots;
using Comet.Reports.Output;
using Comet.Reports.Runs;
using Comet.Reports.Tracing;
using Comet.Sim;
using Comet.Workloads.Inputs;
using NUnit.Framework;

namespace Comet.Cli.Tests;

public class CancellationTests
{
    [Test]
    public void Press_FirstKeepsTheProcessAliveAndCancels_SecondLetsItDie()
    {
        using var ctrlC = CtrlC.Detached();
        Assert.That(ctrlC.StopRequested, Is.False);
        Assert.That(ctrlC.Press(), Is.True);
        Assert.That(ctrlC.Token.IsCancellationRequested, Is.True);
        Assert.That(ctrlC.Press(), Is.False);
    }

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
    public void Simulation_CtrlCMidRun_LeavesACompleteValidTraceOfWhatWasSimulated()
    {
        var root = Path.Combine(Path.GetTempPath(), "comet-cancel-" + Guid.NewGuid().ToString("N"));
        try
        {
            var final = Path.Combine(root, "run");
            using var ctrlC = CtrlC.Detached();
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

                sim.Process(PressAt(sim, ctrlC, 5_000), "user");
                result = ExecutorRun.Run(sim, ctrlC.Token, checkEvery: 16);
                sink.Dispose();
                written = sink.Records;
                dir.Commit(RunInfo.Capture("test", [], DateTimeOffset.UtcNow, cancelled: true));
            }

            Assert.That(result.Cancelled, Is.True);
            Assert.That(result.EndCycle, Is.InRange(5_000, 5_000 + (16 * 10)), "it stops within one check interval of the press");

            // The trace is whole: every row parses and none ends after the cycle the run stopped at.
            var acc = new TimelineAccumulator();
            TimelineTraceReader.Read(Path.Combine(final, "trace.csv"), acc);
            Assert.That(acc.Activities, Is.EqualTo(written));
            Assert.That(acc.Activities, Is.GreaterThan(4 * 5_000 / 10 - 8));
            Assert.That(acc.EndCycle, Is.LessThanOrEqualTo(result.EndCycle));
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
    public void SimulationRun_CancelledMidRun_CommitsCompleteValidFiles()
    {
        var root = Path.Combine(Path.GetTempPath(), "comet-cancel-" + Guid.NewGuid().ToString("N"));
        try
        {
            // The cloud case takes seconds to simulate; "Ctrl-C" comes as soon as the trace has reached the disk.
            var inputs = CometInputLoader.LoadFolder(ReferenceCases.Case("im_cloud_M2048N2048K256_0"));
            var final = Path.Combine(root, "run");
            Directory.CreateDirectory(root);
            using var ctrlC = CtrlC.Detached();
            var watcher = Task.Run(async () =>
            {
                while (!ctrlC.StopRequested)
                {
                    var traces = Directory.GetDirectories(root, ".comet-tmp-*").Select(d => new FileInfo(Path.Combine(d, "trace.csv")));
                    if (traces.Any(t => t.Exists && t.Length > 0))
                    {
                        ctrlC.Press();
                    }

                    await Task.Delay(5);
                }
            });
            var request = new SimulationRequest(inputs, "im_cloud", final, SimulationTraceLevel.Full, Seed: 0, NocEnergy: false, Drawing: TimelineDrawing.Create);

            var outcome = SimulationRun.Execute(request, ctrlC.Token);
            ctrlC.Press();
            watcher.Wait();

            Assert.That(outcome.Cancelled, Is.True);
            Assert.That(Directory.GetFileSystemEntries(root).Select(Path.GetFileName), Is.EqualTo(new[] { "run" }), "committed, no temporary folder left");
            var info = RunInfo.Read(Path.Combine(final, RunInfo.FileName));
            Assert.That(info.Cancelled, Is.True);

            var acc = new TimelineAccumulator();
            TimelineTraceReader.Read(Path.Combine(final, "trace.csv"), acc);
            Assert.That(acc.Activities, Is.GreaterThan(0), "what was simulated is there");
            Assert.That(acc.EndCycle, Is.LessThan(1_014_054), "and the run did stop early (a whole run ends at cycle 1 014 054)");
            using (var summary = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(final, "summary.json"))))
            {
                Assert.That(summary.RootElement.ValueKind, Is.EqualTo(System.Text.Json.JsonValueKind.Object));
            }

            using (var chrome = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(final, "trace.json"))))
            {
                Assert.That(chrome.RootElement.ValueKind, Is.AnyOf(System.Text.Json.JsonValueKind.Object, System.Text.Json.JsonValueKind.Array));
            }

            Assert.That(TimelinePlotTests.PngSize(File.ReadAllBytes(Path.Combine(final, "timeline.png"))).Width, Is.EqualTo(1600));
        }
        finally
        {
            if (Directory.Exists(root))
            {
                Directory.Delete(root, recursive: true);
            }
        }
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

    private static IEnumerable<Event> PressAt(Simulation sim, CtrlC ctrlC, long cycle)
    {
        yield return sim.Timeout(cycle);
        ctrlC.Press();
    }
}
