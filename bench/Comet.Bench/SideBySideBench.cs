using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Comet.Bench;

/// <summary>Two builds of this bench side by side: their <c>simulate</c> group run back to back round after round, the order alternating, and each round's ratio of their wall and simulation-thread times summarized with <see cref="PairedRounds"/>.</summary>
/// <remarks>
/// A build is a folder holding a <c>Comet.Bench.dll</c> (an older commit's bench built as docs/performance.md, "How
/// to measure", describes); the candidate defaults to this bench itself. Each run is a fresh process, so every round
/// pays its JIT warm-up as a user's run does.
/// </remarks>
public static class SideBySideBench
{
    private const string DefaultCase = "im_cloud_M2048N2048K256_0";

    /// <summary>Runs the group and returns the exit code: <c>side-by-side --baseline DIR [--baseline-env NAME=VALUE]... [--candidate DIR] [--candidate-env NAME=VALUE]... [--rounds N] [--only CASE] [--trace none|summary|full|raw] [--json]</c>.</summary>
    public static int Run(string[] args)
    {
        var baselineDir = BenchArguments.Value(args, "--baseline");
        var candidateDir = BenchArguments.Value(args, "--candidate") ?? AppContext.BaseDirectory;
        if (baselineDir is null || !File.Exists(Path.Combine(baselineDir, "Comet.Bench.dll")) || !File.Exists(Path.Combine(candidateDir, "Comet.Bench.dll")))
        {
            Console.Error.WriteLine("usage: Comet.Bench side-by-side --baseline DIR [--baseline-env NAME=VALUE]... [--candidate DIR] [--candidate-env NAME=VALUE]... [--rounds N] [--only CASE] [--trace none|summary|full|raw] [--json] (each DIR holds a Comet.Bench.dll)");
            return 2;
        }

        if (!int.TryParse(BenchArguments.Value(args, "--rounds") ?? "20", NumberStyles.Integer, CultureInfo.InvariantCulture, out var rounds) || rounds < 1 || rounds > PairedRounds.MaxRounds)
        {
            Console.Error.WriteLine($"error: --rounds: expected a whole number from 1 to {PairedRounds.MaxRounds}");
            return 2;
        }

        var name = BenchArguments.Value(args, "--only") ?? DefaultCase;
        var trace = BenchArguments.Value(args, "--trace") ?? "full";
        var candidate = new Build("candidate", candidateDir, Environments(args, "--candidate-env"));
        var baseline = new Build("baseline", baselineDir, Environments(args, "--baseline-env"));
        var samples = new Dictionary<Build, List<(double Wall, double Thread)>> { [candidate] = [], [baseline] = [] };
        for (var r = 0; r < rounds; r++)
        {
            foreach (var build in r % 2 == 0 ? new[] { candidate, baseline } : [baseline, candidate])
            {
                if (Simulate(build, name, trace) is not { } sample)
                    return 1;
                samples[build].Add(sample);
            }

            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"round {r + 1}/{rounds}: candidate {samples[candidate][^1].Wall:F3} s, baseline {samples[baseline][^1].Wall:F3} s"));
        }

        var wall = PairedRounds.Of(samples[candidate].Select(s => s.Wall).ToList(), samples[baseline].Select(s => s.Wall).ToList());
        var thread = PairedRounds.Of(samples[candidate].Select(s => s.Thread).ToList(), samples[baseline].Select(s => s.Thread).ToList());
        if (args.Contains("--json"))
            Console.WriteLine(Json(name, trace, samples, candidate, baseline, wall, thread));
        else
            Report(name, trace, samples, candidate, baseline, wall, thread);
        return 0;
    }

    private static Dictionary<string, string> Environments(string[] args, string option)
    {
        var variables = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < args.Length; i++)
        {
            if (args[i] == option && args[i + 1].Split('=', 2) is [var key, var value] && key.Length > 0)
                variables[key] = value;
        }
        return variables;
    }

    private static (double Wall, double Thread)? Simulate(Build build, string name, string trace)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { Path.Combine(build.Folder, "Comet.Bench.dll"), "simulate", "--json", "--only", name, "--trace", trace })
            start.ArgumentList.Add(argument);
        foreach (var (key, value) in build.Environment)
            start.Environment[key] = value;
        using var process = Process.Start(start)!;
        var errors = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            Console.Error.WriteLine($"{build.Role} ({build.Folder}) failed with exit code {process.ExitCode}: {errors.Result.Trim()}");
            return null;
        }

        try
        {
            var result = JsonNode.Parse(output)!["cases"]![0]!;
            return ((double)result["wall_s"]!, (double)result["simulation_thread_cpu_s"]!);
        }
        catch (Exception e) when (e is JsonException or NullReferenceException or InvalidOperationException or FormatException)
        {
            Console.Error.WriteLine($"{build.Role} ({build.Folder}): its simulate --json output has no cases[0].wall_s and simulation_thread_cpu_s ({e.Message})");
            return null;
        }
    }

    private static void Report(string name, string trace, Dictionary<Build, List<(double Wall, double Thread)>> samples, Build candidate, Build baseline, PairedRounds wall, PairedRounds thread)
    {
        var c = CultureInfo.InvariantCulture;
        Console.WriteLine(string.Create(c, $"{name}, --trace {trace}, {wall.Rounds} rounds back to back (order alternating), medians:"));
        Console.WriteLine("| build | wall | simulation thread CPU |");
        Console.WriteLine("|---|---:|---:|");
        foreach (var build in new[] { candidate, baseline })
        {
            Console.WriteLine(string.Create(c,
                $"| {build.Role}: {build.Describe()} | {BenchStatistics.Median(samples[build].Select(s => s.Wall)):F3} s | {BenchStatistics.Median(samples[build].Select(s => s.Thread)):F3} s |"));
        }
        Console.WriteLine(Line("wall", wall));
        Console.WriteLine(Line("simulation thread CPU", thread));
    }

    private static string Line(string what, PairedRounds p) => string.Create(CultureInfo.InvariantCulture,
        $"candidate ÷ baseline, {what}: median of the rounds' ratios {p.MedianRatio:F3}× (95 % bootstrap interval {p.Low:F3}–{p.High:F3}×); candidate faster in {p.CandidateFaster} of {p.Rounds} rounds, sign test p = {p.SignTestP:G3}: {p.Verdict}");

    private static string Json(string name, string trace, Dictionary<Build, List<(double Wall, double Thread)>> samples, Build candidate, Build baseline, PairedRounds wall, PairedRounds thread)
    {
        JsonObject BuildJson(Build b) => new()
        {
            ["folder"] = b.Folder,
            ["environment"] = new JsonObject(b.Environment.Select(kv => KeyValuePair.Create(kv.Key, (JsonNode?)kv.Value))),
            ["median_wall_s"] = Math.Round(BenchStatistics.Median(samples[b].Select(s => s.Wall)), 3),
            ["median_simulation_thread_cpu_s"] = Math.Round(BenchStatistics.Median(samples[b].Select(s => s.Thread)), 3),
            ["wall_s"] = new JsonArray(samples[b].Select(s => (JsonNode?)s.Wall).ToArray()),
        };
        JsonObject RatioJson(PairedRounds p) => new()
        {
            ["median"] = Math.Round(p.MedianRatio, 4),
            ["low"] = Math.Round(p.Low, 4),
            ["high"] = Math.Round(p.High, 4),
            ["candidate_faster"] = p.CandidateFaster,
            ["sign_test_p"] = p.SignTestP,
            ["verdict"] = p.Verdict,
        };
        var root = new JsonObject
        {
            ["case"] = name,
            ["trace"] = trace,
            ["rounds"] = wall.Rounds,
            ["candidate"] = BuildJson(candidate),
            ["baseline"] = BuildJson(baseline),
            ["wall_ratio"] = RatioJson(wall),
            ["simulation_thread_ratio"] = RatioJson(thread),
        };
        return root.ToJsonString(new JsonSerializerOptions { WriteIndented = false });
    }

    private sealed record Build(string Role, string Folder, Dictionary<string, string> Environment)
    {
        public string Describe() => Environment.Count == 0 ? Folder : $"{Folder} with {string.Join(' ', Environment.Select(kv => $"{kv.Key}={kv.Value}"))}";
    }
}
