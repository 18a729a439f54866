using System.Text.Json;
using Comet.Plots;
using Comet.Reports.Output;
using Comet.Reports.Runs;
using Comet.Workloads.Inputs;
using NUnit.Framework;

namespace Comet.Plots.Tests;

/// <summary>The timeline a run draws from its trace rows as they are written: the same picture as drawing its CSV afterwards, and drawn even when the run is stopped early.</summary>
public class TimelineDrawingTests : TempFolderTest
{
    [Test]
    public void SimulationRun_GemmOnly_TimelineIsByteIdenticalToRenderingTheCsv()
    {
        var inputs = CometInputLoader.LoadFolder(ReferenceCases.Case("gemm_only"));
        var outFolder = Path.Combine(Root, "out");
        var request = new SimulationRequest(inputs, "gemm_only", outFolder, SimulationTraceLevel.Full, 0, NocEnergy: false, TimelineDrawing.Create);

        var outcome = SimulationRun.Execute(request, CancellationToken.None);

        Assert.That(outcome.Files.Select(Path.GetFileName), Is.EqualTo(new[] { "summary.json", "trace.csv", "trace.json", "timeline.png", "timeline.svg", "run-info.json" }));

        // The same title the run gives the plot: the run's name and the simulated cycles, both in summary.json.
        using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(outFolder, "summary.json")));
        var options = new TimelinePlotOptions { Title = summary.RootElement.GetProperty("name").GetString(), TotalCycles = summary.RootElement.GetProperty("simulated_cycles").GetInt64() };
        var png = Path.Combine(Root, "csv.png");
        var svg = Path.Combine(Root, "csv.svg");
        TimelinePlot.Render(Path.Combine(outFolder, "trace.csv"), png, svg, options);

        Assert.That(File.ReadAllBytes(Path.Combine(outFolder, "timeline.png")), Is.EqualTo(File.ReadAllBytes(png)));
        Assert.That(File.ReadAllBytes(Path.Combine(outFolder, "timeline.svg")), Is.EqualTo(File.ReadAllBytes(svg)));
    }

    [Test]
    public void SimulationRun_CancelledMidRun_CommitsCompleteValidFiles()
    {
        var root = Path.Combine(Path.GetTempPath(), "comet-cancel-" + Guid.NewGuid().ToString("N"));
        try
        {
            // The cloud case takes seconds to simulate; the cancellation comes as soon as the trace has reached the disk.
            var inputs = CometInputLoader.LoadFolder(ReferenceCases.Case("im_cloud_M2048N2048K256_0"));
            var final = Path.Combine(root, "run");
            Directory.CreateDirectory(root);
            using var source = new CancellationTokenSource();
            var watcher = Task.Run(async () =>
            {
                while (!source.IsCancellationRequested)
                {
                    var traces = Directory.GetDirectories(root, ".comet-tmp-*").Select(d => new FileInfo(Path.Combine(d, "trace.csv")));
                    if (traces.Any(t => t.Exists && t.Length > 0))
                    {
                        source.Cancel();
                    }

                    await Task.Delay(5);
                }
            });
            var request = new SimulationRequest(inputs, "im_cloud", final, SimulationTraceLevel.Full, Seed: 0, NocEnergy: false, Drawing: TimelineDrawing.Create);

            var outcome = SimulationRun.Execute(request, source.Token);
            source.Cancel();
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
}
