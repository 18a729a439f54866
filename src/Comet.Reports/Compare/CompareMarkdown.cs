using System.Globalization;
using System.Text;

namespace Comet.Reports.Compare;

/// <summary>Writes compare.md: the switches, then per case the analytic and simulated totals and how much of the gap each mechanism explains.</summary>
public static class CompareMarkdown
{
    /// <summary>The text of compare.md.</summary>
    public static string Write(IReadOnlyList<CompareCaseResult> results)
    {
        var switches = FormulaAssumptions.All;
        var sb = new StringBuilder("# Analytic vs simulated cycles, and what explains the gap\n\n");
        sb.Append("Each case is simulated with every mechanism on, then once per mechanism switched to the formula's assumption. ")
          .Append("A mechanism's share is simulated − simulated-with-it-switched (negative: the mechanism makes the hardware faster than the formula assumes); ")
          .Append("the residual is the gap the switches do not explain. Cycles, with the share of the analytic total in brackets.\n\n")
          .Append("| switch | the formula's assumption |\n|---|---|\n");
        foreach (var s in switches)
        {
            sb.Append("| `").Append(s.Name).Append("` | ").Append(s.Assumption).Append(" |\n");
        }

        sb.Append("\n| case | analytic | simulated | error |");
        foreach (var s in switches)
        {
            sb.Append(' ').Append(s.Name).Append(" |");
        }

        sb.Append(" residual | status |\n|---|---:|---:|---:|").Append(string.Concat(Enumerable.Repeat("---:|", switches.Count))).Append("---:|---|\n");
        foreach (var r in results)
        {
            var run = r.Run;
            sb.Append("| ").Append(run.Case.Name).Append(" | ").Append(Cycles(run.AnalyticTotalCycles)).Append(" | ").Append(Cycles(run.SimulatedCycles))
              .Append(" | ").Append(Percent(run.ErrorVsTotalPct)).Append(" |");
            foreach (var m in r.Attribution.Mechanisms)
            {
                sb.Append(' ').Append(Share(m, run.AnalyticTotalCycles)).Append(" |");
            }

            sb.Append(' ').Append(Share(r.Attribution.Residual, run.AnalyticTotalCycles)).Append(" | ").Append(run.Status).Append(" |\n");
        }

        return sb.ToString();
    }

    private static string Cycles(double? value) => value is { } v ? v.ToString("#,0", CultureInfo.InvariantCulture).Replace(',', ' ') : "–";

    private static string Percent(double? value) => value is { } v ? v.ToString("+0.0;-0.0;0.0", CultureInfo.InvariantCulture) + " %" : "–";

    // A part of the gap in cycles, with its share of the analytic total: part ÷ analytic × 100.
    private static string Share(double? part, double? analytic) =>
        part is null ? "–" : analytic is { } a && a != 0 ? $"{Cycles(part)} ({Percent(part / a * 100)})" : Cycles(part);
}
