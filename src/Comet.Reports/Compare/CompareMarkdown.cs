using System.Globalization;
using System.Text;
using Comet.Reports.Sweeps;

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

        // A switch not re-run because the run with every mechanism on shows it would change nothing: its 0 says why.
        var notRerun = results.Where(r => r.Run.Status == ValidationCaseResult.Ok && r.NotRerun is not null && r.NotRerun.Any(x => x is not null)).ToList();
        if (notRerun.Count > 0)
        {
            sb.Append("\nSwitches not re-run (the switched run would be the same run, so its share is 0):\n\n| case | switch | why |\n|---|---|---|\n");
            foreach (var r in notRerun)
            {
                for (var s = 0; s < switches.Count; s++)
                {
                    if (r.NotRerun![s] is { } why)
                    {
                        sb.Append("| ").Append(r.Run.Case.Name).Append(" | ").Append(switches[s].Name).Append(" | ").Append(why).Append(" |\n");
                    }
                }
            }
        }

        return sb.ToString();
    }

    private static string Cycles(double? value) => value is { } v ? v.ToString("#,0", CultureInfo.InvariantCulture).Replace(',', ' ') : "–";

    private static string Percent(double? value) => value is { } v ? v.ToString("+0.0;-0.0;0.0", CultureInfo.InvariantCulture) + " %" : "–";

    // A part of the gap in cycles, with its share of the analytic total: part ÷ analytic × 100.
    private static string Share(double? part, double? analytic) =>
        part is null ? "–" : analytic is { } a && a != 0 ? $"{Cycles(part)} ({Percent(part / a * 100)})" : Cycles(part);
}
