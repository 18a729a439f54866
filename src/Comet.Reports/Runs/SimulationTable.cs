using System.Globalization;
using Comet.Workloads.Analytical;
using Comet.Workloads.Execution;

namespace Comet.Reports.Runs;

/// <summary>The plain-text comparison table (analytic vs simulated per node, collective and level).</summary>
public static class SimulationTable
{
    /// <summary>Writes the table to <paramref name="output"/>.</summary>
    public static void Write(TextWriter output, SimulationResult result, AnalyticReport? analytic)
    {
        var rows = new List<string[]> { new[] { "unit", "kind", "levels", "analytic", "simulated", "error %", "simulated over" } };
        rows.Add(["total", "cycles", "", Num(analytic?.TotalCycles), Num(result.SimulatedCycles), Pct(result.SimulatedCycles, analytic?.TotalCycles), "run"]);
        rows.Add(["root node", "cycles", "", Num(analytic?.RootNodeCycles), Num(result.SimulatedCycles), Pct(result.SimulatedCycles, analytic?.RootNodeCycles), "run"]);
        foreach (var n in result.Nodes)
        {
            long? a = analytic is not null && analytic.NodeCycles.TryGetValue(n.Name, out var c) ? c : null;
            var comparable = n.Basis != NodeCycleBasis.NotComparable;
            rows.Add([n.Name, n.Kind, n.Levels, Num(a), n.MeanCycles.ToString("0.#", CultureInfo.InvariantCulture), comparable ? Pct(n.MeanCycles, a) : "n/a", BasisText(n.Basis)]);
        }

        foreach (var l in result.Levels)
        {
            var sim = result.EnergyByComponent.GetValueOrDefault(l.Level);
            var a = SimulationSummary.AnalyticEnergy(analytic, l.Level);
            rows.Add([l.Level, "energy pJ", "", a?.ToString("0.##", CultureInfo.InvariantCulture) ?? "-", sim.ToString("0.##", CultureInfo.InvariantCulture), Pct(sim, a), "run"]);
        }

        rows.Add(["total", "energy pJ", "", analytic?.TotalEnergyPj.ToString("0.##", CultureInfo.InvariantCulture) ?? "-", result.TotalEnergy.ToString("0.##", CultureInfo.InvariantCulture), Pct(result.TotalEnergy, analytic?.TotalEnergyPj), "run"]);
        var widths = Enumerable.Range(0, rows[0].Length).Select(c => rows.Max(r => r[c].Length)).ToArray();
        foreach (var r in rows)
        {
            output.WriteLine(string.Join("  ", r.Select((cell, c) => c is >= 3 and <= 5 ? cell.PadLeft(widths[c]) : cell.PadRight(widths[c]))).TrimEnd());
        }

        foreach (var note in analytic?.Notes ?? [])
        {
            output.WriteLine($"note: {note}");
        }
    }

    /// <summary>What the simulated figure of a node row spans, in the table's words (the reason when it cannot be compared).</summary>
    public static string BasisText(NodeCycleBasis basis) => basis switch
    {
        NodeCycleBasis.Invocation => "one invocation",
        NodeCycleBasis.ParentInvocation => "parent invocation (its only child)",
        NodeCycleBasis.ParentStages => "its stages of one parent invocation",
        _ => "n/a: no simulated span matches COMET's cost of this node",
    };

    private static string Num(long? v) => v?.ToString(CultureInfo.InvariantCulture) ?? "-";

    private static string Pct(double sim, double? analytic) =>
        SimulationSummary.ErrorPercent(sim, analytic)?.ToString("+0.0;-0.0;0.0", CultureInfo.InvariantCulture) ?? "-";
}
