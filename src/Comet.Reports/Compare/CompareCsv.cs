using System.Text;
using Comet.Reports.Sweeps;

namespace Comet.Reports.Compare;

/// <summary>Writes compare.csv: per case a <c>total</c> row and one row per node, collective and level, each with the gap's attribution (a header, invariant numbers).</summary>
public static class CompareCsv
{
    /// <summary>The header: the fixed columns, then one column per switch of <see cref="FormulaAssumptions.All"/>, then <c>residual</c>.</summary>
    public static string Header { get; } =
        "case,family,kind,name,detail,analytic_cycles,simulated_cycles,error_pct," + string.Join(",", FormulaAssumptions.All.Select(a => a.Name)) + ",residual,status";

    /// <summary>The text of compare.csv.</summary>
    public static string Write(IReadOnlyList<CompareCaseResult> results)
    {
        var sb = new StringBuilder(Header).Append('\n');
        foreach (var r in results)
        {
            var run = r.Run;
            Row(sb, run.Case.Name, run.Case.Family, "total", run.Case.Name, "total cycles", run.AnalyticTotalCycles, run.SimulatedCycles, run.ErrorVsTotalPct, r.Attribution, run.Status);
            foreach (var c in r.Components)
            {
                Row(sb, run.Case.Name, run.Case.Family, c.Kind, c.Name, c.Detail, c.AnalyticCycles, c.SimulatedCycles, c.ErrorPct, c.Attribution, run.Status);
            }
        }

        return sb.ToString();
    }

    private static void Row(StringBuilder sb, string name, string family, string kind, string component, string detail, double? analytic, double? simulated, double? error, GapAttribution a, string status)
    {
        var cells = new List<string> { name, family, kind, component, detail, ValidationCsv.N(analytic), ValidationCsv.N(simulated), ValidationCsv.N(error) };
        cells.AddRange(a.Mechanisms.Select(ValidationCsv.N));
        cells.Add(ValidationCsv.N(a.Residual));
        cells.Add(status);
        ValidationCsv.Row(sb, [.. cells]);
    }
}
