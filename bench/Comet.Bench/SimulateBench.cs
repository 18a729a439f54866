using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Comet.Reports.Runs;
using Comet.Workloads.Inputs;

namespace Comet.Bench;

/// <summary>Simulation throughput: events/s and wall time of whole cases simulated with a full trace written to disk.</summary>
public static class SimulateBench
{
    private static readonly string[] DefaultCases = ["ex_base", "im_cloud_M2048N2048K256_0"];

    /// <summary>Runs the group and returns the exit code: <c>simulate [--json] [--only CASE] [--trace none|summary|full|raw] [--leaf-ports stream|tile|both] [--network store-and-forward|cut-through] [--transfers pipelined|serial] [--instances free|lockstep] [--reuse cross-invocation|none] [--prefetch next-invocation|none]</c>.</summary>
    public static int Run(string[] args)
    {
        var json = args.Contains("--json");
        var only = BenchArguments.Value(args, "--only");
        var trace = BenchArguments.Value(args, "--trace") ?? "full";
        var cases = only is null ? DefaultCases : [only];
        var modes = (BenchArguments.Value(args, "--leaf-ports") ?? "stream") switch
        {
            "tile" => new[] { false },
            "both" => [false, true],
            _ => [true],
        };
        var results = new List<Dictionary<string, object>>();
        foreach (var (name, stream) in cases.SelectMany(c => modes.Select(m => (c, m))))
        {
            var folder = BenchArguments.CaseFolder(name);
            if (folder is null)
            {
                Console.Error.WriteLine($"SimulateBench: case {name} not found (examples/{name} or /work/shared/reference/cases/{name})");
                return 2;
            }

            var inputs = CometInputLoader.LoadFolder(folder);
            var outFolder = Path.Combine(Path.GetTempPath(), $"comet-bench-{name}-{Environment.ProcessId}");
            var level = trace switch { "none" => SimulationTraceLevel.None, "summary" => SimulationTraceLevel.Summary, "raw" => SimulationTraceLevel.Raw, _ => SimulationTraceLevel.Full };
            var request = new SimulationRequest(inputs, name, outFolder, level, 0, NocEnergy: false, Command: "bench", Execution: BenchArguments.Options(args, stream));
            GC.Collect();
            var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
            var gcBefore = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2), GC.GetTotalPauseDuration());
            using var before = Process.GetCurrentProcess();
            var cpuBefore = before.TotalProcessorTime;
            var threadBefore = ThreadCpuTime.Seconds();
            var jitBefore = System.Runtime.JitInfo.GetCompilationTime(currentThread: true);
            var watch = Stopwatch.StartNew();
            var outcome = SimulationRun.Execute(request, CancellationToken.None);
            watch.Stop();
            var simThread = ThreadCpuTime.Seconds() - threadBefore;
            var jit = (System.Runtime.JitInfo.GetCompilationTime(currentThread: true) - jitBefore).TotalSeconds;
            var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
            using var self = Process.GetCurrentProcess();
            self.Refresh();
            var cpu = (self.TotalProcessorTime - cpuBefore).TotalSeconds;
            var gcs = (Gen0: GC.CollectionCount(0) - gcBefore.Item1, Gen1: GC.CollectionCount(1) - gcBefore.Item2, Gen2: GC.CollectionCount(2) - gcBefore.Item3, Pause: (GC.GetTotalPauseDuration() - gcBefore.Item4).TotalSeconds);
            var traceBytes = File.Exists(Path.Combine(outFolder, "trace.csv")) ? new FileInfo(Path.Combine(outFolder, "trace.csv")).Length : 0;
            var jsonBytes = File.Exists(Path.Combine(outFolder, "trace.json")) ? new FileInfo(Path.Combine(outFolder, "trace.json")).Length : 0;
            Directory.Delete(outFolder, recursive: true);
            var events = outcome.Result.Events;
            var wall = watch.Elapsed.TotalSeconds;
            results.Add(new Dictionary<string, object>
            {
                ["name"] = name,
                ["leaf_ports"] = stream ? "stream" : "tile",
                ["events"] = events,
                ["simulated_cycles"] = outcome.Result.SimulatedCycles,
                ["wall_s"] = Math.Round(wall, 3),
                ["events_per_s"] = Math.Round(events / Math.Max(wall, 1e-9)),
                ["cpu_s"] = Math.Round(cpu, 3),
                ["simulation_thread_jit_s"] = Math.Round(jit, 3),
                ["simulation_thread_cpu_s"] = double.IsNaN(simThread) ? -1 : Math.Round(simThread, 3),
                ["gc_pause_s"] = Math.Round(gcs.Pause, 3),
                ["gc_collections"] = new[] { gcs.Gen0, gcs.Gen1, gcs.Gen2 },
                ["peak_working_set_mb"] = Math.Round(self.PeakWorkingSet64 / 1048576.0, 1),
                ["allocated_bytes_per_event"] = Math.Round(allocated / (double)Math.Max(events, 1), 1),
                ["trace_csv_mb"] = Math.Round(traceBytes / 1048576.0, 1),
                ["trace_json_mb"] = Math.Round(jsonBytes / 1048576.0, 1),
            });
            if (!json)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name} (leaf ports: {(stream ? "stream" : "tile")}): {events} events in {wall:F2} s ({events / Math.Max(wall, 1e-9) / 1e6:F2} M events/s), CPU {cpu:F2} s (all threads; simulation thread {simThread:F2} s, of which JIT {jit:F2} s), GC {gcs.Gen0}/{gcs.Gen1}/{gcs.Gen2} collections (gen0/1/2) pausing {gcs.Pause:F2} s, {outcome.Result.SimulatedCycles} cycles, {allocated / (double)Math.Max(events, 1):F0} B allocated per event, peak working set {self.PeakWorkingSet64 / 1048576.0:F0} MB, trace.csv {traceBytes / 1048576.0:F0} MB, trace.json {jsonBytes / 1048576.0:F0} MB"));
            }
        }

        if (json)
        {
            Console.WriteLine(JsonSerializer.Serialize(new Dictionary<string, object> { ["cases"] = results }));
        }

        return 0;
    }
}
