using System.Globalization;
using System.Text;
using Comet.Reports.Compare;
using Comet.Reports.Sweeps;

namespace Comet.Reports.Reproduce;

/// <summary>Writes reproduce.md: the paper's maxima beside ours, every row's ratios, and for each row whose simulated speedup differs from the model's the mechanism that accounts for it.</summary>
public static class ReproduceMarkdown
{
    /// <summary>Two speedups differ when they differ at the table's two decimals.</summary>
    public static bool Differ(double? simulated, double? analytic) =>
        simulated is { } s && analytic is { } a && Math.Round(s, 2) != Math.Round(a, 2);

    /// <summary>The text of reproduce.md.</summary>
    public static string Write(IReadOnlyList<ReproduceRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var sb = new StringBuilder("# Fused vs unfused: the paper's claim by the model and by the simulator\n\n");
        var sources = rows.Select(r => r.ChosenBy).Distinct().ToList();
        sb.Append("Each row is the best fused case against the best unfused one (tilings chosen by: ").Append(string.Join("; ", sources))
          .Append("; search: the authors' tiling space costed by the model, its top k simulated, the fastest simulated taken). Speedup = unfused ÷ fused cycles; energy ratio = unfused ÷ fused energy (the model's); DRAM traffic ratio = unfused ÷ fused bytes read and written at the root memory (the simulator's). Above 1: fused wins.\n\n");

        sb.Append("## The paper's maxima beside ours\n\n| operation | paper | ours, model | ours, simulator |\n|---|---:|---:|---:|\n");
        foreach (var op in rows.Select(r => r.Operation).Distinct())
        {
            var mine = rows.Where(r => r.Operation == op).ToList();
            sb.Append("| ").Append(op).Append(" | ").Append(PaperMaxima.ByOperation.TryGetValue(op, out var paper) ? Times(paper) : "–")
              .Append(" | ").Append(Max(mine, r => r.SpeedupAnalytic)).Append(" | ").Append(Max(mine, r => r.SpeedupSimulated)).Append(" |\n");
        }

        sb.Append("\n## Every row\n\n| operation | preset | shape | speedup, model | speedup, simulator | energy ratio | DRAM traffic ratio | chosen by | status |\n|---|---|---|---:|---:|---:|---:|---|---|\n");
        foreach (var r in rows)
        {
            sb.Append("| ").Append(r.Operation).Append(" | ").Append(r.Preset).Append(" | ").Append(r.Shape).Append(r.Note.Length > 0 ? $" ({r.Note})" : string.Empty)
              .Append(" | ").Append(Times(r.SpeedupAnalytic)).Append(" | ").Append(Times(r.SpeedupSimulated)).Append(" | ").Append(Times(r.EnergyRatio))
              .Append(" | ").Append(Times(r.DramTrafficRatio)).Append(" | ").Append(r.ChosenBy).Append(" | ").Append(r.Status.Replace("|", "\\|", StringComparison.Ordinal)).Append(" |\n");
        }

        var differing = rows.Where(r => r.Status == ValidationCaseResult.Ok && Differ(r.SpeedupSimulated, r.SpeedupAnalytic)).ToList();
        sb.Append("\n## Where the simulator's speedup differs from the model's\n\n");
        if (differing.Count == 0)
        {
            sb.Append("No row: the simulated speedups equal the model's at two decimals.\n");
            return sb.ToString();
        }

        sb.Append("Each case was re-run with one mechanism at a time switched to the formula's assumption (as `comet compare` does), in the fused and the unfused case alike; ")
          .Append("the mechanism named is the one whose switched speedup comes closest to the model's. None: no single switch moves the simulated speedup towards the model's, ")
          .Append("so the formula's own terms (the residual of `comet compare`) account for the difference.\n\n")
          .Append("| operation | preset | shape | model | simulator | mechanism | speedup with it switched | the formula's assumption |\n|---|---|---|---:|---:|---|---:|---|\n");
        foreach (var r in differing)
        {
            var mechanism = r.Attribution?.Mechanism;
            var assumption = FormulaAssumptions.All.FirstOrDefault(a => a.Name == mechanism)?.Assumption ?? "–";
            sb.Append("| ").Append(r.Operation).Append(" | ").Append(r.Preset).Append(" | ").Append(r.Shape).Append(" | ").Append(Times(r.SpeedupAnalytic))
              .Append(" | ").Append(Times(r.SpeedupSimulated)).Append(" | ").Append(mechanism ?? "none (residual)").Append(" | ")
              .Append(Times(r.Attribution?.MechanismSpeedup)).Append(" | ").Append(assumption).Append(" |\n");
        }

        return sb.ToString();
    }

    /// <summary>A ratio as the table shows it: two decimals and ×, or – when missing.</summary>
    public static string Times(double? value) => value is { } v ? v.ToString("0.00", CultureInfo.InvariantCulture) + "×" : "–";

    // The largest ratio over the rows, with the row it comes from.
    private static string Max(IReadOnlyList<ReproduceRow> rows, Func<ReproduceRow, double?> ratio)
    {
        var best = rows.Where(r => ratio(r) is not null).OrderByDescending(r => ratio(r)!.Value).FirstOrDefault();
        return best is null ? "–" : $"{Times(ratio(best))} ({best.Preset} {best.Shape})";
    }
}
