using System.Globalization;
using Comet.Workloads.Analytical;
using Comet.Workloads.Execution;

namespace Comet.Cli.Reports;

/// <summary>The plain-text comparison table (analytic vs simulated per node, collective and level).</summary>
public static class SimulationTable
{
    /// <summary>Writes the table to <paramref name="output"/>.</summary>
    public static void Write(TextWriter output, SimulationResult result, AnalyticReport? analytic)
    {
        var rows = new List<string[]> { new[] { "unit", "kind", "levels", "analytic", "simulated", "error %" } };
        rows.Add(["total", "cycles", "", Num(analytic?.TotalCycles), Num(result.SimulatedCycles), Pct(result.SimulatedCycles, analytic?.TotalCycles)]);
        rows.Add(["root node", "cycles", "", Num(analytic?.RootNodeCycles), Num(result.SimulatedCycles), Pct(result.SimulatedCycles, analytic?.RootNodeCycles)]);
        foreach (var n in result.Nodes)
        {
            long? a = analytic is not null && analytic.NodeCycles.TryGetValue(n.Name, out var c) ? c : null;
            rows.Add([n.Name, n.Kind, n.Levels, Num(a), n.MeanCycles.ToString("0.#", CultureInfo.InvariantCulture), Pct(n.MeanCycles, a)]);
        }

        foreach (var l in result.Levels)
        {
            var sim = result.EnergyByComponent.GetValueOrDefault(l.Level);
            var a = SimulationSummary.AnalyticEnergy(analytic, l.Level);
            rows.Add([l.Level, "energy pJ", "", a?.ToString("0.##", CultureInfo.InvariantCulture) ?? "-", sim.ToString("0.##", CultureInfo.InvariantCulture), Pct(sim, a)]);
        }

        rows.Add(["total", "energy pJ", "", analytic?.TotalEnergyPj.ToString("0.##", CultureInfo.InvariantCulture) ?? "-", result.TotalEnergy.ToString("0.##", CultureInfo.InvariantCulture), Pct(result.TotalEnergy, analytic?.TotalEnergyPj)]);
        var widths = Enumerable.Range(0, rows[0].Length).Select(c => rows.Max(r => r[c].Length)).ToArray();
        foreach (var r in rows)
        {
            output.WriteLine(string.Join("  ", r.Select((cell, c) => c >= 3 ? cell.PadLeft(widths[c]) : cell.PadRight(widths[c]))).TrimEnd());
        }
    }

    private static string Num(long? v) => v?.ToString(CultureInfo.InvariantCulture) ?? "-";

    private static string Pct(double sim, double? analytic) =>
        SimulationSummary.ErrorPercent(sim, analytic)?.ToString("+0.0;-0.0;0.0", CultureInfo.InvariantCulture) ?? "-";
}
