using System.Diagnostics;
using System.Globalization;
using System.Runtime;
using System.Text.Json;
using Comet.Hardware.Inputs;
using Comet.Hardware.Loading;
using Comet.Workloads.Analytical;
using Comet.Workloads.Inputs;

namespace Comet.Bench;

/// <summary>
/// What one in-process evaluation costs when its four input files are read each time: min and median µs per iteration of
/// read + parse + load + evaluate, and the same work split into its four steps, after a warm-up.
/// </summary>
/// <remarks>
/// The end-to-end loop is <c>AnalyticalModel.Evaluate(CometInputLoader.LoadFolder(folder))</c>, what <c>comet analyze</c>
/// does; the split loop makes the same calls one step at a time. The two alternate, one iteration each, so a burst of load
/// on the shared machine disturbs both alike.
/// </remarks>
public static class ParseBench
{
    private static readonly string[] DefaultCases = ["ex_base", "im_cloud_M2048N2048K256_0"];
    private static readonly string[] FileNames = ["arch.yaml", "const.yaml", "problem.yaml", "mapping.yaml"];
    private static readonly string[] Steps = ["read", "parse", "load", "evaluate"];

    /// <summary>Runs the group and returns the exit code: <c>parse [--json] [--only CASE] [--seconds S] [--warmup S]</c> (the warm-up lasts at least S seconds and until the JIT is quiet).</summary>
    public static int Run(string[] args)
    {
        var json = args.Contains("--json");
        var only = BenchArguments.Value(args, "--only");
        var seconds = double.Parse(BenchArguments.Value(args, "--seconds") ?? "3", CultureInfo.InvariantCulture);
        var warmup = double.Parse(BenchArguments.Value(args, "--warmup") ?? "3", CultureInfo.InvariantCulture);
        var results = new List<Dictionary<string, object>>();
        foreach (var name in only is null ? DefaultCases : [only])
        {
            var folder = BenchArguments.CaseFolder(name);
            if (folder is null)
            {
                Console.Error.WriteLine($"ParseBench: case {name} not found");
                return 2;
            }

            var paths = FileNames.Select(f => Path.Combine(folder, f)).ToArray();
            var options = AnalyticOptions.Default;
            var total = new List<double>();
            var split = Steps.Select(_ => new List<double>()).ToArray();
            long check = 0;
            var warmed = WarmUp(() => check += AnalyticalModel.Evaluate(CometInputLoader.LoadFolder(folder), options).TotalCycles, () => Split(paths, options, ref check), warmup);
            var watch = Stopwatch.StartNew();
            while (watch.Elapsed.TotalSeconds < seconds)
            {
                var start = Stopwatch.GetTimestamp();
                check += AnalyticalModel.Evaluate(CometInputLoader.LoadFolder(folder), options).TotalCycles;
                var end = Stopwatch.GetTimestamp();
                var steps = Split(paths, options, ref check);
                total.Add(Stopwatch.GetElapsedTime(start, end).TotalMicroseconds);
                for (var s = 0; s < Steps.Length; s++)
                {
                    split[s].Add(steps[s]);
                }
            }

            GC.KeepAlive(check);
            var row = new Dictionary<string, object>
            {
                ["name"] = name,
                ["iterations"] = total.Count,
                ["warmup_s"] = Math.Round(warmed, 1),
                ["min_us"] = Round(total.Min()),
                ["median_us"] = Round(BenchStatistics.Median(total)),
            };
            for (var s = 0; s < Steps.Length; s++)
            {
                row[$"{Steps[s]}_min_us"] = Round(split[s].Min());
                row[$"{Steps[s]}_median_us"] = Round(BenchStatistics.Median(split[s]));
            }

            results.Add(row);
            if (!json)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{name}: read + parse + load + evaluate {total.Min():F1} µs min, {BenchStatistics.Median(total):F1} µs median ({total.Count} iterations after {warmed:F1} s of warm-up)"));
                Console.WriteLine("  split, min / median µs: " + string.Join(", ", Steps.Select((step, s) =>
                    string.Create(CultureInfo.InvariantCulture, $"{step} {split[s].Min():F1} / {BenchStatistics.Median(split[s]):F1}"))));
            }
        }

        if (json)
        {
            Console.WriteLine(JsonSerializer.Serialize(new Dictionary<string, object> { ["cases"] = results }));
        }

        return 0;
    }

    // Runs both loops for at least `seconds`, then until the JIT has compiled nothing new for a second (tiered compilation
    // of the parse path goes on for several seconds on a busy machine, and its background thread competes with the
    // measurement), for at most 60 s; returns the seconds spent.
    private static double WarmUp(Action endToEnd, Action split, double seconds)
    {
        var watch = Stopwatch.StartNew();
        var compiled = JitInfo.GetCompiledMethodCount();
        var quietSince = 0.0;
        while (watch.Elapsed.TotalSeconds < 60)
        {
            endToEnd();
            split();
            var now = watch.Elapsed.TotalSeconds;
            var count = JitInfo.GetCompiledMethodCount();
            if (count != compiled)
            {
                (compiled, quietSince) = (count, now);
            }
            else if (now >= seconds && now - quietSince >= 1)
            {
                break;
            }
        }

        return watch.Elapsed.TotalSeconds;
    }

    // One iteration of CometInputLoader.Load and the evaluation, timed step by step: µs for read, parse, load, evaluate.
    private static double[] Split(string[] paths, AnalyticOptions options, ref long check)
    {
        var t0 = Stopwatch.GetTimestamp();
        var bytes = new byte[paths.Length][];
        for (var i = 0; i < paths.Length; i++)
        {
            bytes[i] = File.ReadAllBytes(paths[i]);
        }

        var t1 = Stopwatch.GetTimestamp();
        var files = new YamlFile[paths.Length];
        for (var i = 0; i < paths.Length; i++)
        {
            files[i] = YamlFile.FromBytes(bytes[i], FileNames[i]);
        }

        var t2 = Stopwatch.GetTimestamp();
        var arch = ArchitectureLoader.Parse(files[0]);
        var constants = ConstantsLoader.Parse(files[1]);
        var problem = ProblemLoader.Parse(files[2], constants);
        var mapping = MappingLoader.Parse(files[3], arch, problem, constants);
        MappingValidator.Validate(arch, problem, mapping, files[3].FileName);
        var t3 = Stopwatch.GetTimestamp();
        check += AnalyticalModel.Evaluate(arch, problem, mapping, options).TotalCycles;
        var t4 = Stopwatch.GetTimestamp();
        return
        [
            Stopwatch.GetElapsedTime(t0, t1).TotalMicroseconds,
            Stopwatch.GetElapsedTime(t1, t2).TotalMicroseconds,
            Stopwatch.GetElapsedTime(t2, t3).TotalMicroseconds,
            Stopwatch.GetElapsedTime(t3, t4).TotalMicroseconds,
        ];
    }

    private static double Round(double micros) => Math.Round(micros, 1);
}
