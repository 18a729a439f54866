using System.Text.Json;
using Comet.Reports.Output;
using Comet.Reports.Sweeps;

namespace Comet.Reports.Compare;

/// <summary>The single JSON object <c>comet compare --json</c> prints for cases: per case its totals, the gap's attribution and its components.</summary>
public static class CompareJson
{
    /// <summary>Serializes the comparison (indented, snake_case keys, no wall-clock figures).</summary>
    public static string Write(IReadOnlyList<CompareCaseResult> results)
    {
        return JsonText.Document(w =>
        {
            w.WriteStartObject();
            w.WriteStartArray("cases");
            foreach (var r in results)
            {
                w.WriteStartObject();
                w.WriteString("name", r.Run.Case.Name);
                w.WriteString("family", r.Run.Case.Family);
                ValidationJson.Number(w, "analytic_cycles", r.Run.AnalyticTotalCycles);
                ValidationJson.Number(w, "simulated_cycles", r.Run.SimulatedCycles);
                ValidationJson.Number(w, "error_pct", r.Run.ErrorVsTotalPct);
                w.WriteString("status", r.Run.Status);
                Attribution(w, r.Attribution);
                if (r.NotRerun is { } reasons && reasons.Any(x => x is not null))
                {
                    // Switches whose re-run would be the same run (their share is 0), or that could not run, and why.
                    w.WriteStartObject("not_rerun");
                    for (var s = 0; s < reasons.Count; s++)
                    {
                        if (reasons[s] is { } why)
                        {
                            w.WriteString(FormulaAssumptions.All[s].Name, why);
                        }
                    }

                    w.WriteEndObject();
                }

                w.WriteStartArray("components");
                foreach (var c in r.Components)
                {
                    w.WriteStartObject();
                    w.WriteString("kind", c.Kind);
                    w.WriteString("name", c.Name);
                    w.WriteString("detail", c.Detail);
                    ValidationJson.Number(w, "analytic_cycles", c.AnalyticCycles);
                    ValidationJson.Number(w, "simulated_cycles", c.SimulatedCycles);
                    ValidationJson.Number(w, "error_pct", c.ErrorPct);
                    Attribution(w, c.Attribution);
                    w.WriteEndObject();
                }

                w.WriteEndArray();
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        });
    }

    private static void Attribution(Utf8JsonWriter w, GapAttribution a)
    {
        w.WriteStartObject("attribution");
        for (var i = 0; i < FormulaAssumptions.All.Count; i++)
        {
            ValidationJson.Number(w, FormulaAssumptions.All[i].Name, a.Mechanisms[i]);
        }

        ValidationJson.Number(w, "residual", a.Residual);
        w.WriteEndObject();
    }
}
