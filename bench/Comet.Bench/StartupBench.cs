using System.Globalization;
using System.Text.Json;

namespace Comet.Bench;

/// <summary>Start-up cost of the published <c>comet</c>: one process per evaluation, wall ms (min/median/max) and peak RSS per verb and case.</summary>
public static class StartupBench
{
    private const int RssRuns = 3;

    private static readonly string[] AnalyzeCases = ["ex_base", "im_cloud_M2048N2048K256_0"];

    /// <summary>Runs the group: <c>startup [--json] [--binary PATH] [--runs N] [--reference PATH]</c>; the binary defaults to <c>$COMET_CLI_BINARY</c>, and <c>--reference</c> times the authors' tool on the same cases.</summary>
    public static int Run(string[] args)
    {
        var json = args.Contains("--json");
        var binary = BenchArguments.Value(args, "--binary") ?? Environment.GetEnvironmentVariable("COMET_CLI_BINARY");
        var reference = BenchArguments.Value(args, "--reference");
        var runs = int.Parse(BenchArguments.Value(args, "--runs") ?? "20", CultureInfo.InvariantCulture);
        if (string.IsNullOrEmpty(binary) || !File.Exists(binary))
        {
            Console.Error.WriteLine("StartupBench: name the published comet with --binary PATH (or COMET_CLI_BINARY), e.g. after `dotnet publish src/Comet.Cli -c Release -r linux-x64 -o publish`");
            return 2;
        }

        binary = Path.GetFullPath(binary);
        var scratch = Directory.CreateTempSubdirectory("comet-startup-");
        try
        {
            var rows = new List<StartupRow>();
            rows.Add(Measure("--version", null, binary, ["--version"], runs, scratch.FullName));
            foreach (var name in AnalyzeCases)
            {
                var folder = Folder(name);
                if (folder is null)
                {
                    return 2;
                }

                rows.Add(Measure("analyze", name, binary, ["analyze", .. Inputs(folder, "--"), "--json"], runs, scratch.FullName));
                if (reference is not null)
                {
                    rows.Add(Measure("reference", name, Path.GetFullPath(reference), Inputs(folder, "--", "_file"), runs, scratch.FullName));
                }
            }

            var basic = Folder("ex_base")!;
            rows.Add(Measure("simulate --trace none", "ex_base", binary, ["simulate", .. Inputs(basic, "--"), "--trace", "none", "--out", Path.Combine(scratch.FullName, "out")], runs, scratch.FullName));
            Print(rows, json);
            return rows.Any(r => r.ExitCode != 0) ? 1 : 0;
        }
        finally
        {
            scratch.Delete(recursive: true);
        }
    }

    private static StartupRow Measure(string verb, string? caseName, string binary, string[] args, int runs, string workingDirectory)
    {
        // Two unrecorded launches bring the binary and inputs into the page cache.
        for (var i = 0; i < 2; i++)
        {
            ProcessSpawn.Run(binary, args, workingDirectory);
        }

        var samples = Enumerable.Range(0, runs).Select(_ => ProcessSpawn.Run(binary, args, workingDirectory)).ToList();
        var times = samples.Select(s => s.WallMs).Order().ToList();
        var median = BenchStatistics.Median(times);
        var peak = Enumerable.Range(0, RssRuns).Select(_ => ProcessSpawn.PeakRssMb(binary, args, workingDirectory)).Max();
        return new StartupRow(verb, caseName, runs, times[0], median, times[^1], peak, samples.Max(s => s.ExitCode));
    }

    private static string[] Inputs(string folder, string prefix, string suffix = "") =>
    [
        $"{prefix}arch{suffix}", Path.Combine(folder, "arch.yaml"),
        $"{prefix}problem{suffix}", Path.Combine(folder, "problem.yaml"),
        $"{prefix}mapping{suffix}", Path.Combine(folder, "mapping.yaml"),
        $"{prefix}constants{suffix}", Path.Combine(folder, "const.yaml"),
    ];

    private static string? Folder(string name)
    {
        var folder = BenchArguments.CaseFolder(name);
        if (folder is null)
        {
            Console.Error.WriteLine($"StartupBench: case {name} not found (examples/{name} or ../shared/reference/cases/{name})");
        }

        return folder is null ? null : Path.GetFullPath(folder);
    }

    private static void Print(List<StartupRow> rows, bool json)
    {
        if (json)
        {
            var runs = rows.Select(r => new Dictionary<string, object?>
            {
                ["verb"] = r.Verb,
                ["case"] = r.Case,
                ["runs"] = r.Runs,
                ["min_ms"] = Math.Round(r.MinMs, 2),
                ["median_ms"] = Math.Round(r.MedianMs, 2),
                ["max_ms"] = Math.Round(r.MaxMs, 2),
                ["peak_rss_mb"] = r.PeakRssMb is { } mb ? Math.Round(mb, 1) : null,
                ["exit_code"] = r.ExitCode,
            });
            Console.WriteLine(JsonSerializer.Serialize(new Dictionary<string, object> { ["runs"] = runs }));
            return;
        }

        foreach (var r in rows)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{r.Verb,-22} {r.Case ?? "-",-28} {r.Runs} runs: min {r.MinMs,6:F1} ms  median {r.MedianMs,6:F1} ms  max {r.MaxMs,6:F1} ms  peak RSS {(r.PeakRssMb is { } mb ? mb.ToString("F1", CultureInfo.InvariantCulture) : "?"),5} MB{(r.ExitCode != 0 ? $"  (exit {r.ExitCode})" : string.Empty)}"));
        }
    }
}
