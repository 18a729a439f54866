using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Comet.Workloads.Analytical;
using Comet.Workloads.Generation;
using Comet.Workloads.Loop;
using Comet.Workloads.Search;

namespace Comet.Bench;

/// <summary>Mapping-search throughput: candidates of the cloud GEMM-Softmax 2048x2048x256 space enumerated, pruned and costed in-process on every core; <c>--phases</c> splits one thread's time per candidate into binding, loop-nest analysis and the model.</summary>
public static class SearchBench
{
    /// <summary>Runs the group and returns the exit code: <c>search [--json] [--shards N] [--only NAME-PART] [--limit CANDIDATES] [--phases [COSTED]] [--dump FILE]</c> (the JSON adds costed candidates per second and the wall time 10^5 costed ones take at that rate).</summary>
    public static int Run(string[] args)
    {
        var json = args.Contains("--json");
        var shards = int.Parse(BenchArguments.Value(args, "--shards") ?? "1500", CultureInfo.InvariantCulture);
        var only = BenchArguments.Value(args, "--only");
        var limit = int.Parse(BenchArguments.Value(args, "--limit") ?? int.MaxValue.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        var shape = new Dictionary<string, long> { ["M"] = 2048, ["N"] = 2048, ["K"] = 256 };
        var request = new GenerationRequest("gemm-softmax", "cloud", shape, Fused: true);
        var template = new GemmSoftmaxTemplate();
        var cases = new List<Dictionary<string, object>>();
        foreach (var (name, wide, shard) in new[] { ("cloud-gemm-softmax-2048x2048x256-fused-authors", false, ShardSpec.Whole), ($"cloud-gemm-softmax-2048x2048x256-fused-wide-shard-0/{shards}", true, new ShardSpec(0, shards)) })
        {
            if (only is not null && !name.Contains(only, StringComparison.Ordinal))
            {
                continue;
            }

            var setup = template.Searchable(request, wide);
            if (args.Contains("--phases"))
            {
                var costedWanted = BenchArguments.Value(args, "--phases") is { } n && !n.StartsWith("--", StringComparison.Ordinal) ? int.Parse(n, CultureInfo.InvariantCulture) : 1000;
                Phases(setup, shard, name, costedWanted);
            }

            var cpuStart = Process.GetCurrentProcess().TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            var results = MappingSearch.Run(setup, shard, Environment.ProcessorCount, null, CancellationToken.None, limit);
            var wall = clock.Elapsed.TotalSeconds;
            var cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuStart).TotalSeconds;
            var costed = results.Count(r => r.IsCosted);
            if (BenchArguments.Value(args, "--dump") is { } dump)
            {
                Dump(results, dump + "." + name.Replace('/', '-') + ".tsv");
            }

            cases.Add(new Dictionary<string, object>
            {
                ["name"] = name,
                ["candidates"] = results.Count,
                ["costed"] = costed,
                ["pruned"] = results.Count(r => r.Status.StartsWith("pruned", StringComparison.Ordinal)),
                ["wall_s"] = Math.Round(wall, 2),
                ["candidates_per_s"] = Math.Round(results.Count / wall, 0),
                ["cpu_s"] = Math.Round(cpu, 2),
                ["candidates_per_cpu_s"] = Math.Round(results.Count / cpu, 0),
                ["costed_per_s"] = Math.Round(costed / wall, 0),
                ["wall_s_per_100000_costed"] = Math.Round(100_000 * wall / Math.Max(1, costed), 1),
            });
            if (!json)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name}: {results.Count} candidates ({costed} costed, {results.Count - costed} pruned or invalid) in {wall:F1} s on {Environment.ProcessorCount} cores: {results.Count / wall:F0} candidates/s; {cpu:F1} s of CPU: {results.Count / cpu:F0} candidates per CPU-second; {costed / wall:F0} costed/s ({100_000 * wall / Math.Max(1, costed):F0} s per 10^5 costed); collections gen0/1/2 so far {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)}, {GC.GetTotalPauseDuration().TotalSeconds:F1} s paused"));
            }
        }

        if (json)
        {
            Console.WriteLine(JsonSerializer.Serialize(new Dictionary<string, object> { ["cases"] = cases }));
        }

        return 0;
    }

    // One thread, the shard's candidates until COSTED of them are costed: microseconds per candidate spent binding constants (YAML trees parsed once; over every candidate tried), and per costed candidate analysing the loop nest and evaluating the model.
    private static void Phases(SearchSetup setup, ShardSpec shard, string name, int costedWanted)
    {
        var evaluator = new CandidateEvaluator(setup);
        var step = evaluator.Steps[0];
        var (bind, analyze, evaluate) = (new Stopwatch(), new Stopwatch(), new Stopwatch());
        var (tried, costed) = (0, 0);
        foreach (var t in setup.Space.Enumerate(shard))
        {
            if (costed >= costedWanted)
            {
                break;
            }

            tried++;
            if (setup.CapacityPreCheck?.Invoke(t) is not null)
            {
                continue;
            }

            bind.Start();
            Comet.Workloads.Inputs.CometInputSet inputs;
            try
            {
                inputs = step.Bind(step.Step.Constants(t));
            }
            catch (Comet.Hardware.Inputs.InputException)
            {
                bind.Stop();
                continue;
            }

            bind.Stop();
            analyze.Start();
            var loops = LoopNestAnalyzer.Analyze(inputs.Architecture, inputs.Problem, inputs.Mapping);
            analyze.Stop();
            evaluate.Start();
            AnalyticalModel.Evaluate(inputs.Architecture, inputs.Problem, inputs.Mapping, loops, new AnalyticOptions(true));
            evaluate.Stop();
            costed++;
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name} phases over the first {tried} candidates ({costed} costed), one thread, µs: bind {bind.Elapsed.TotalMicroseconds / Math.Max(1, costed):F0} per costed candidate ({bind.Elapsed.TotalMilliseconds:F0} ms over all), loop nest {analyze.Elapsed.TotalMicroseconds / Math.Max(1, costed):F0}, model {evaluate.Elapsed.TotalMicroseconds / Math.Max(1, costed):F0}"));
    }

    // One line per candidate, index order: index, status, cycles and energy (round-trip format), so two builds' figures can be compared with diff.
    private static void Dump(IReadOnlyList<CandidateCost> results, string path)
    {
        using var writer = new StreamWriter(path);
        foreach (var r in results)
        {
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{r.Tiling.Index}\t{r.Status}\t{r.Cycles}\t{r.EnergyPj:R}\t{r.DramBytes}"));
        }
    }
}
