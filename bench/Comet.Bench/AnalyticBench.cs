using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Comet.Workloads.Analytical;
using Comet.Workloads.Inputs;

namespace Comet.Bench;

/// <summary>Analytical-model throughput in-process after warm-up: evaluations alone (inputs parsed once, loop-nest analysis included), and the four files read, parsed and validated each time with and without the evaluation.</summary>
public static class AnalyticBench
{
    private static readonly string[] DefaultCases = ["ex_base", "im_cloud_M2048N2048K256_0"];

    /// <summary>Runs the group and returns the exit code: <c>analytic [--json] [--only CASE] [--seconds S]</c>.</summary>
    public static int Run(string[] args)
    {
        var json = args.Contains("--json");
        var only = BenchArguments.Value(args, "--only");
        var seconds = double.Parse(BenchArguments.Value(args, "--seconds") ?? "2", CultureInfo.InvariantCulture);
        var results = new List<Dictionary<string, object>>();
        foreach (var name in only is null ? DefaultCases : [only])
        {
            var folder = BenchArguments.CaseFolder(name);
            if (folder is null)
            {
                Console.Error.WriteLine($"AnalyticBench: case {name} not found (examples/{name}, examples/reference/{name} or ../shared/reference/cases/{name})");
                return 2;
            }

            var inputs = CometInputLoader.LoadFolder(folder);
            var options = AnalyticOptions.Default;
            var prepared = PreparedModel.Prepare(inputs);
            var full = Measure(() => AnalyticalModel.Evaluate(inputs, options).TotalCycles, seconds);
            var fast = Measure(() => prepared.Evaluate(options).TotalCycles, seconds);
            var parse = Best(() => CometInputLoader.LoadFolder(folder).Problem.Operations.Count, seconds);
            var parseEvaluate = Best(() => AnalyticalModel.Evaluate(CometInputLoader.LoadFolder(folder), options).TotalCycles, seconds);
            results.Add(new Dictionary<string, object>
            {
                ["name"] = name,
                ["evals_per_s"] = Math.Round(full.PerSecond, 1),
                ["us_per_eval"] = Math.Round(full.Micros, 2),
                ["prepared_evals_per_s"] = Math.Round(fast.PerSecond, 1),
                ["prepared_us_per_eval"] = Math.Round(fast.Micros, 2),
                ["cpu_us_per_eval"] = Math.Round(full.CpuMicros, 2),
                ["prepared_cpu_us_per_eval"] = Math.Round(fast.CpuMicros, 2),
                ["parse_us"] = Math.Round(parse, 2),
                ["parse_evaluate_us"] = Math.Round(parseEvaluate, 2),
            });
            if (!json)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{name}: {full.PerSecond:F0} evaluations/s ({full.Micros:F1} µs wall, {full.CpuMicros:F1} µs CPU each, loop-nest analysis included); prepared: {fast.PerSecond:F0}/s ({fast.Micros:F1} µs wall, {fast.CpuMicros:F1} µs CPU)"));
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{name}: read + parse + validate the four files {parse:F1} µs; read + parse + evaluate {parseEvaluate:F1} µs (best batch of 16)"));
            }
        }

        if (json)
        {
            Console.WriteLine(JsonSerializer.Serialize(new Dictionary<string, object> { ["cases"] = results }));
        }

        return 0;
    }

    private static (double PerSecond, double Micros, double CpuMicros) Measure(Func<long> evaluate, double seconds)
    {
        {
            long check = 0;
            var warm = Stopwatch.StartNew();
            while (warm.Elapsed.TotalSeconds < Math.Min(1.0, seconds / 2))
            {
                check += evaluate();
            }

            GC.Collect();
            var evaluations = 0L;
            var cpuStart = Process.GetCurrentProcess().TotalProcessorTime;
            var watch = Stopwatch.StartNew();
            while (watch.Elapsed.TotalSeconds < seconds)
            {
                for (var i = 0; i < 16; i++)
                {
                    check += evaluate();
                }

                evaluations += 16;
            }

            watch.Stop();
            var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuStart;
            GC.KeepAlive(check);
            return (evaluations / watch.Elapsed.TotalSeconds, watch.Elapsed.TotalMilliseconds * 1000 / evaluations, cpu.TotalMilliseconds * 1000 / evaluations);
        }
    }

    // The best batch, after a warm-up as long as the measurement: parsing touches hundreds of YamlDotNet methods, whose
    // tier-1 code arrives late, and on a shared machine the least-disturbed batch is the figure that compares across runs.
    private static double Best(Func<long> evaluate, double seconds)
    {
        const int batch = 16;
        long check = 0;
        var best = double.MaxValue;
        for (var phase = 0; phase < 2; phase++)
        {
            var watch = Stopwatch.StartNew();
            while (watch.Elapsed.TotalSeconds < seconds)
            {
                var start = Stopwatch.GetTimestamp();
                for (var i = 0; i < batch; i++)
                {
                    check += evaluate();
                }

                var micros = Stopwatch.GetElapsedTime(start).TotalMicroseconds / batch;
                best = phase == 1 ? Math.Min(best, micros) : best;
            }
        }

        GC.KeepAlive(check);
        return best;
    }
}
