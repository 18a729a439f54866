using System.Text.Json;
using Comet.Reports.Output;

namespace Comet.Reports.Sweeps;

/// <summary>The single JSON object <c>comet validate --json</c> prints: every case's row and the family statistics.</summary>
public static class ValidationJson
{
    /// <summary>Serializes the sweep (indented, snake_case keys, no wall-clock figures).</summary>
    public static string Write(IReadOnlyList<ValidationCaseResult> results, IReadOnlyList<ValidationFamilyStatistics> families, IReadOnlyList<string> files)
    {
        return JsonText.Document(w =>
        {
            w.WriteStartObject();
            w.WriteStartArray("cases");
            foreach (var r in results)
            {
                w.WriteStartObject();
                w.WriteString("case", r.Case.Name);
                w.WriteString("family", r.Case.Family);
                Number(w, "analytic_total_cycles", r.AnalyticTotalCycles);
                Number(w, "analytic_root_cycles", r.AnalyticRootCycles);
                Number(w, "simulated_cycles", r.SimulatedCycles);
                Number(w, "error_vs_total_pct", r.ErrorVsTotalPct);
                Number(w, "error_vs_root_pct", r.ErrorVsRootPct);
                Number(w, "analytic_energy_pj", r.AnalyticEnergyPj);
                Number(w, "simulated_energy_pj", r.SimulatedEnergyPj);
                Number(w, "energy_error_pct", r.EnergyErrorPct);
                Number(w, "events", r.Events);
                w.WriteString("status", r.Status);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartArray("families");
            foreach (var f in families)
            {
                w.WriteStartObject();
                w.WriteString("family", f.Family);
                w.WriteNumber("cases", f.Cases);
                w.WriteNumber("compared", f.Compared);
                Number(w, "mean_error_pct", f.MeanErrorPct);
                Number(w, "mean_abs_error_pct", f.MeanAbsErrorPct);
                Number(w, "median_abs_error_pct", f.MedianAbsErrorPct);
                Number(w, "min_error_pct", f.MinErrorPct);
                Number(w, "max_error_pct", f.MaxErrorPct);
                w.WriteNumber("within_10_pct", f.WithinTenPct);
                Number(w, "mean_abs_error_vs_root_pct", f.MeanAbsErrorVsRootPct);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartArray("files");
            foreach (var f in files)
            {
                w.WriteStringValue(f);
            }

            w.WriteEndArray();
            w.WriteEndObject();
        });
    }

    /// <summary>Writes a number, or null when absent or not finite.</summary>
    public static void Number(Utf8JsonWriter w, string name, double? value)
    {
        if (value is { } v && double.IsFinite(v))
        {
            w.WriteNumber(name, v);
        }
        else
        {
            w.WriteNull(name);
        }
    }

    /// <summary>Writes an integer, or null when absent.</summary>
    public static void Number(Utf8JsonWriter w, string name, long? value)
    {
        if (value is { } v)
        {
            w.WriteNumber(name, v);
        }
        else
        {
            w.WriteNull(name);
        }
    }
}
