using System.Text;
using Comet.Reports.Compare;
using Comet.Reports.Sweeps;

namespace Comet.Reports.Reproduce;

/// <summary>Writes reproduce.csv: one row per operation, preset and shape with the ratios, each case's totals and the attribution (a header, invariant numbers).</summary>
public static class ReproduceCsv
{
    /// <summary>The header line.</summary>
    public static string Header { get; } =
        "op,preset,shape,note,chosen_by,speedup_analytic,speedup_simulated,energy_ratio,energy_ratio_simulated,dram_traffic_ratio,"
        + "fused_analytic_cycles,unfused_analytic_cycles,fused_simulated_cycles,unfused_simulated_cycles,"
        + "fused_analytic_energy_pj,unfused_analytic_energy_pj,fused_simulated_energy_pj,unfused_simulated_energy_pj,fused_dram_bytes,unfused_dram_bytes,"
        + "mechanism," + string.Join(",", FormulaAssumptions.All.Select(a => "speedup_without_" + a.Name)) + ",status";

    /// <summary>The text of reproduce.csv.</summary>
    public static string Write(IReadOnlyList<ReproduceRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var sb = new StringBuilder(Header).Append('\n');
        foreach (var r in rows)
        {
            var (f, u) = (r.Fused, r.Unfused);
            var cells = new List<string>
            {
                r.Operation, r.Preset, r.Shape, r.Note, r.ChosenBy,
                ValidationCsv.N(r.SpeedupAnalytic), ValidationCsv.N(r.SpeedupSimulated), ValidationCsv.N(r.EnergyRatio), ValidationCsv.N(r.EnergyRatioSimulated), ValidationCsv.N(r.DramTrafficRatio),
                ValidationCsv.N(f?.AnalyticCycles), ValidationCsv.N(u?.AnalyticCycles), ValidationCsv.N(f?.SimulatedCycles), ValidationCsv.N(u?.SimulatedCycles),
                ValidationCsv.N(f?.AnalyticEnergyPj), ValidationCsv.N(u?.AnalyticEnergyPj), ValidationCsv.N(f?.SimulatedEnergyPj), ValidationCsv.N(u?.SimulatedEnergyPj),
                ValidationCsv.N(f?.DramBytes), ValidationCsv.N(u?.DramBytes),
                r.Attribution?.Mechanism ?? string.Empty,
            };
            cells.AddRange(FormulaAssumptions.All.Select((_, s) => ValidationCsv.N(r.Attribution?.SwitchedSpeedups[s])));
            cells.Add(r.Status);
            ValidationCsv.Row(sb, [.. cells]);
        }

        return sb.ToString();
    }
}
