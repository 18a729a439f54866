using System.Globalization;
using System.Text;
using System.Text.Json;
using Comet.Reports.Runs;
using Comet.Sim;
using Comet.Workloads.Inputs;

namespace Comet.Bench;

/// <summary>Where a simulation's events come from: every event the kernel fires, counted by its kind and the process that waits on it.</summary>
/// <remarks>
/// A process is named by its kind: digits folded to <c>N</c> and an instance suffix (<c>#3</c>) dropped, so the lanes
/// of one node count together. An event no process waits on counts under "(no process)": a process's end that
/// only callbacks observe, a tile that is ready before its consumer asks, a timeout nobody awaits.
/// </remarks>
public static class EventCensus
{
    /// <summary>Runs the group and returns the exit code: <c>census [--only CASE | --case FOLDER] [--top N] [--json] [--network …] [--transfers …] [--instances …] [--reuse …] [--prefetch …]</c>.</summary>
    public static int Run(string[] args)
    {
        var folder = BenchArguments.Value(args, "--case") ?? BenchArguments.CaseFolder(BenchArguments.Value(args, "--only") ?? "im_cloud_M2048N2048K256_0");
        if (folder is null || !File.Exists(Path.Combine(folder, "mapping.yaml")))
        {
            Console.Error.WriteLine("EventCensus: case not found (--only NAME under examples/ or the shared reference cases, or --case FOLDER)");
            return 2;
        }

        var top = int.Parse(BenchArguments.Value(args, "--top") ?? "20", CultureInfo.InvariantCulture);
        var counts = new Dictionary<(string Kind, string Waiter), long>();
        var names = new Dictionary<string, string>();
        var sim = new Simulation(0)
        {
            Observer = e =>
            {
                var key = (e.GetType().Name, e.FirstWaiter is { } p ? KindOf(p.Name, names) : "(no process)");
                counts[key] = counts.GetValueOrDefault(key) + 1;
            },
        };
        var run = ExecutorRun.Execute(CometInputLoader.LoadFolder(folder), sim, BenchArguments.Options(args), CancellationToken.None);
        var total = sim.ProcessedEvents;
        var rows = counts.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key).ToList();
        var shown = rows.Take(top).ToList();
        var rest = rows.Skip(top).Sum(kv => kv.Value);
        if (args.Contains("--json"))
        {
            var list = shown.Select(kv => new Dictionary<string, object> { ["event"] = kv.Key.Kind, ["waiter"] = kv.Key.Waiter, ["count"] = kv.Value }).ToList();
            Console.WriteLine(JsonSerializer.Serialize(new Dictionary<string, object>
            {
                ["case"] = Path.GetFileName(Path.TrimEndingDirectorySeparator(folder)),
                ["events"] = total,
                ["simulated_cycles"] = run.Result.SimulatedCycles,
                ["census"] = list,
                ["others"] = rest,
            }));
            return 0;
        }

        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"{Path.GetFileName(Path.TrimEndingDirectorySeparator(folder))}: {total} events, {run.Result.SimulatedCycles} cycles");
        text.AppendLine("| events | share | event | process waiting on it |");
        text.AppendLine("|---:|---:|---|---|");
        foreach (var ((kind, waiter), n) in shown)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"| {n} | {100.0 * n / Math.Max(total, 1):F1} % | {kind} | {waiter} |");
        }

        text.AppendLine(CultureInfo.InvariantCulture, $"| {rest} | {100.0 * rest / Math.Max(total, 1):F1} % | (the other {rows.Count - shown.Count} kinds) | |");
        Console.Write(text.ToString());
        return 0;
    }

    /// <summary>A process's kind: its name with the instance suffix dropped and digits folded (memoised per name).</summary>
    private static string KindOf(string name, Dictionary<string, string> names)
    {
        if (names.TryGetValue(name, out var kind))
        {
            return kind;
        }

        var cut = name.IndexOf('#');
        var text = new StringBuilder();
        var inNumber = false;
        foreach (var c in cut >= 0 ? name[..cut] : name)
        {
            if (!char.IsAsciiDigit(c))
            {
                text.Append(c);
            }
            else if (!inNumber)
            {
                text.Append('N');
            }

            inNumber = char.IsAsciiDigit(c);
        }

        kind = text.ToString();
        names.Add(name, kind);
        return kind;
    }
}
