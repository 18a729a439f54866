using System.Globalization;
using Comet.Workloads.Execution;

namespace Comet.Reports.Runs;

/// <summary>The plain-text table of why each component's instances sat idle, as shares of the run: what the timeline's red "waiting for collective" bands add up to.</summary>
public static class IdleTable
{
    /// <summary>Writes one row per component (mean share over its instances and the most-waiting instance) to <paramref name="output"/>; nothing when no instance was idle.</summary>
    public static void Write(TextWriter output, SimulationResult result)
    {
        if (result.Idle is not { Count: > 0 } idle || result.SimulatedCycles <= 0 || idle.All(i => i.Total == 0))
        {
            return;
        }

        double run = result.SimulatedCycles;
        var rows = new List<string[]> { new[] { "component", "instances", "collective", "most waiting", "operands", "space", "binding" } };
        foreach (var group in idle.GroupBy(i => i.Component))
        {
            var lanes = group.ToList();
            var worst = lanes.MaxBy(i => i.Collective)!;
            rows.Add([
                group.Key,
                lanes.Count.ToString(CultureInfo.InvariantCulture),
                Share(lanes.Average(i => i.Collective), run),
                worst.Collective > 0 ? $"{group.Key}[{worst.Instance}] {Share(worst.Collective, run)}" : "-",
                Share(lanes.Average(i => i.Operands), run),
                Share(lanes.Average(i => i.Space), run),
                Share(lanes.Average(i => i.Binding), run),
            ]);
        }

        output.WriteLine("idle time by reason, mean share of the run per instance (collective: waiting for a collective's peers or result)");
        var widths = Enumerable.Range(0, rows[0].Length).Select(c => rows.Max(r => r[c].Length)).ToArray();
        foreach (var r in rows)
        {
            output.WriteLine(string.Join("  ", r.Select((cell, c) => c == 0 || c == 3 ? cell.PadRight(widths[c]) : cell.PadLeft(widths[c]))).TrimEnd());
        }
    }

    // A share of the run in percent with two decimals, so a few hundred cycles of a long run still show.
    private static string Share(double cycles, double run) => (100.0 * cycles / run).ToString("0.00", CultureInfo.InvariantCulture) + " %";
}
