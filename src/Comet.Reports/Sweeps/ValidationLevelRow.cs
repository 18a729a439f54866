using System.Text.Json;
using Comet.Reports.Runs;

namespace Comet.Reports.Sweeps;

/// <summary>One row of validation_levels.csv: a node, collective or level of one case, analytic beside simulated, as its summary.json gives them.</summary>
/// <param name="Case">Case name.</param>
/// <param name="Kind"><c>node</c>, <c>collective</c> or <c>level</c>.</param>
/// <param name="Name">Node name or level name.</param>
/// <param name="Detail">The levels a node moves between (with what its simulated figure spans when that is not one invocation), the collective's type, or (for a level) the cycle figure compared: the busiest instance's port-held cycles vs the model's non-overlapped time of the <c>level-</c> breakdown row.</param>
/// <param name="AnalyticCycles">Analytic cycles as summary.json prints them (empty when the model has none).</param>
/// <param name="SimulatedCycles">Simulated cycles as summary.json prints them.</param>
/// <param name="CyclesErrorPct">Relative error of simulated against analytic cycles, percent.</param>
/// <param name="AnalyticEnergyPj">Analytic energy, pJ (levels only).</param>
/// <param name="SimulatedEnergyPj">Simulated energy, pJ (levels only).</param>
/// <param name="EnergyErrorPct">Relative error of simulated against analytic energy, percent.</param>
public sealed record ValidationLevelRow(
    string Case,
    string Kind,
    string Name,
    string Detail,
    string AnalyticCycles,
    string SimulatedCycles,
    string CyclesErrorPct,
    string AnalyticEnergyPj,
    string SimulatedEnergyPj,
    string EnergyErrorPct)
{
    /// <summary>Reads the node, collective and level rows of one case's summary.json (numbers kept exactly as it prints them).</summary>
    public static IReadOnlyList<ValidationLevelRow> FromSummary(string caseName, string summaryJson)
    {
        using var doc = JsonDocument.Parse(summaryJson);
        var root = doc.RootElement;
        var rows = new List<ValidationLevelRow>();
        foreach (var (array, kind) in new[] { ("nodes", "node"), ("collectives", "collective") })
        {
            foreach (var n in root.GetProperty(array).EnumerateArray())
            {
                // A node whose simulated figure is not one invocation of itself says what it spans (summary.json's simulated_basis).
                var levels = n.GetProperty("levels").GetString() ?? string.Empty;
                var basis = n.TryGetProperty("simulated_basis", out var b) ? b.GetString() : null;
                var detail = basis is null or "invocation" ? levels : $"{levels} (simulated over {basis})";
                rows.Add(new ValidationLevelRow(
                    caseName, kind, n.GetProperty("node").GetString() ?? string.Empty, detail,
                    Raw(n, "analytic_cycles"), Raw(n, "simulated_cycles"), Raw(n, "error_pct"), string.Empty, string.Empty, string.Empty));
            }
        }

        var breakdown = root.GetProperty("analytic_cycle_breakdown");
        foreach (var l in root.GetProperty("levels").EnumerateArray())
        {
            var level = l.GetProperty("level").GetString() ?? string.Empty;
            var busy = l.GetProperty("max_port_busy_cycles").GetInt64();
            long? analytic = breakdown.TryGetProperty(level + "-", out var unit) ? unit.GetProperty("total").GetInt64() : null;
            var error = SimulationSummary.ErrorPercent(busy, analytic);
            rows.Add(new ValidationLevelRow(
                caseName, "level", level, "max_port_busy_cycles vs breakdown " + level + "-",
                analytic?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty,
                busy.ToString(System.Globalization.CultureInfo.InvariantCulture),
                error?.ToString("R", System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty,
                Raw(l, "analytic_energy_pj"), Raw(l, "simulated_energy_pj"), Raw(l, "energy_error_pct")));
        }

        return rows;
    }

    private static string Raw(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind != JsonValueKind.Null ? v.GetRawText() : string.Empty;
}
