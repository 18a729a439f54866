using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Comet.Reports.Runs;
using Comet.Reports.Tracing;
using Comet.Sim;
using Comet.Workloads.Execution;
using Comet.Workloads.Inputs;

namespace Comet.Bench;

/// <summary>What a full trace costs the simulation thread, one stage of the writer at a time: the same case simulated with no trace, with records built and dropped on the simulation thread, handed to the writer thread and dropped there, merged, formatted as CSV, as JSON, as both, and written to files — and, for comparison, with no trace beside a thread that only streams through memory.</summary>
/// <remarks>
/// The stages run in one process after one warm-up run, rotated round by round, so every stage runs the same
/// optimized code; the figures are medians of the simulation thread's wall and CPU time. A stage's extra CPU on the
/// simulation thread over <c>none</c> is work that thread does for the trace plus what the writer thread's memory
/// traffic costs it (the two threads share the machine's caches and memory).
/// </remarks>
public static class WriterCostBench
{
    /// <summary>Bytes the <c>stream</c> stage's neighbour thread walks through, well past the last-level cache.</summary>
    public const int NeighbourBytes = 64 << 20;

    private static readonly string[] Stages = ["none", "emit", "handoff", "merge", "csv", "json", "both", "files", "stream"];

    /// <summary>Runs the group and returns the exit code: <c>writer-cost [--only CASE] [--rounds N] [--json]</c>.</summary>
    public static int Run(string[] args)
    {
        var name = BenchArguments.Value(args, "--only") ?? "im_cloud_M2048N2048K256_0";
        if (!int.TryParse(BenchArguments.Value(args, "--rounds") ?? "5", NumberStyles.Integer, CultureInfo.InvariantCulture, out var rounds) || rounds < 1)
        {
            Console.Error.WriteLine("error: --rounds: expected a whole number of at least 1");
            return 2;
        }

        var folder = BenchArguments.CaseFolder(name);
        if (folder is null)
        {
            Console.Error.WriteLine($"WriterCostBench: case {name} not found (examples/{name} or /work/shared/reference/cases/{name})");
            return 2;
        }

        var inputs = CometInputLoader.LoadFolder(folder);
        var scratch = Directory.CreateTempSubdirectory("comet-writer-cost").FullName;
        try
        {
            Measure(inputs, "none", scratch); // warm-up: every stage then runs tier-1 code
            var samples = Stages.ToDictionary(s => s, _ => new List<(double Wall, double Cpu)>());
            for (var r = 0; r < rounds; r++)
            {
                foreach (var stage in Stages)
                {
                    samples[stage].Add(Measure(inputs, stage, scratch));
                }
            }

            Report(name, rounds, samples, args.Contains("--json"));
        }
        finally
        {
            Directory.Delete(scratch, recursive: true);
        }

        return 0;
    }

    private static (double Wall, double Cpu) Measure(CometInputSet inputs, string stage, string scratch)
    {
        var sim = new Simulation(0);
        using var neighbour = stage == "stream" ? new MemoryNeighbour(NeighbourBytes) : null;
        var sink = SinkFor(stage, scratch);
        GC.Collect();
        var cpuBefore = ThreadCpuTime.Seconds();
        var watch = Stopwatch.StartNew();
        try
        {
            sim.Trace = sink;
            ExecutorRun.Execute(inputs, sim, ExecutionOptions.Default, CancellationToken.None);
        }
        finally
        {
            sim.Trace = null;
            sink?.Flush();
            sink?.Dispose();
        }

        watch.Stop();
        return (watch.Elapsed.TotalSeconds, ThreadCpuTime.Seconds() - cpuBefore);
    }

    private static ITraceSink? SinkFor(string stage, string scratch) => stage switch
    {
        "emit" => new DiscardTraceSink(),
        "handoff" => new BackgroundTraceSink(new DiscardTraceSink()),
        "merge" => new BackgroundTraceSink(new CoalescingTraceSink(new DiscardTraceSink())),
        "csv" => new BackgroundTraceSink(new CoalescingTraceSink(new CsvTraceSink(Stream.Null))),
        "json" => new BackgroundTraceSink(new CoalescingTraceSink(new ChromeTraceSink(Stream.Null))),
        "both" => new BackgroundTraceSink(new CoalescingTraceSink(new CompositeTraceSink(new CsvTraceSink(Stream.Null), new ChromeTraceSink(Stream.Null)))),
        "files" => new BackgroundTraceSink(new CoalescingTraceSink(new CompositeTraceSink(
            new CsvTraceSink(Path.Combine(scratch, "trace.csv")), new ChromeTraceSink(Path.Combine(scratch, "trace.json"))))),
        _ => null,
    };

    private static void Report(string name, int rounds, Dictionary<string, List<(double Wall, double Cpu)>> samples, bool json)
    {
        var baseCpu = BenchStatistics.Median(samples["none"].Select(s => s.Cpu));
        var rows = Stages.Select(stage => new Dictionary<string, object>
        {
            ["stage"] = stage,
            ["wall_s"] = Math.Round(BenchStatistics.Median(samples[stage].Select(s => s.Wall)), 3),
            ["simulation_thread_cpu_s"] = Math.Round(BenchStatistics.Median(samples[stage].Select(s => s.Cpu)), 3),
            ["extra_cpu_s"] = Math.Round(BenchStatistics.Median(samples[stage].Select(s => s.Cpu)) - baseCpu, 3),
        }).ToList();
        if (json)
        {
            Console.WriteLine(JsonSerializer.Serialize(new Dictionary<string, object> { ["case"] = name, ["rounds"] = rounds, ["stages"] = rows }));
            return;
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name}, medians of {rounds} rounds after a warm-up run:"));
        Console.WriteLine("| stage | wall | simulation thread CPU | over `none` |");
        Console.WriteLine("|---|---:|---:|---:|");
        foreach (var row in rows)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {row["stage"]} | {row["wall_s"]:F3} s | {row["simulation_thread_cpu_s"]:F3} s | {row["extra_cpu_s"]:+0.000;-0.000} s |"));
        }
    }
}
