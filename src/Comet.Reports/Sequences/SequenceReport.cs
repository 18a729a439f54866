using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Comet.Reports.Sequences;

/// <summary>Writes an unfused sequence's figures: per operation and totals (the sums), as JSON and as a console table.</summary>
public static class SequenceReport
{
    /// <summary>The JSON object of <c>analyze --json</c> on a sequence: totals, then one row per operation holding its full analytic report.</summary>
    public static string AnalyticJson(IReadOnlyList<SequenceStepFigures> steps, IReadOnlyList<string> reports)
    {
        ArgumentNullException.ThrowIfNull(steps);
        ArgumentNullException.ThrowIfNull(reports);
        return Json(w =>
        {
            w.WriteNumber("total_cycles", steps.Sum(s => s.AnalyticCycles ?? 0));
            w.WriteNumber("total_energy_pj", steps.Sum(s => s.AnalyticEnergyPj ?? 0));
            w.WriteStartArray("operations");
            for (var i = 0; i < steps.Count; i++)
            {
                w.WriteStartObject();
                w.WriteString("step", steps[i].Step);
                w.WritePropertyName("report");
                w.WriteRawValue(reports[i]);
                w.WriteEndObject();
            }

            w.WriteEndArray();
        });
    }

    /// <summary>The summary.json of <c>simulate</c> on a sequence: totals (the sums) and one row per operation.</summary>
    public static string SummaryJson(string name, IReadOnlyList<SequenceStepFigures> steps)
    {
        ArgumentNullException.ThrowIfNull(steps);
        return Json(w =>
        {
            w.WriteString("name", name);
            w.WriteNumber("simulated_cycles", steps.Sum(s => s.SimulatedCycles ?? 0));
            w.WriteNumber("analytic_cycles", steps.Sum(s => s.AnalyticCycles ?? 0));
            w.WriteNumber("simulated_energy_pj", Math.Round(steps.Sum(s => s.SimulatedEnergyPj ?? 0), 4));
            w.WriteNumber("analytic_energy_pj", steps.Sum(s => s.AnalyticEnergyPj ?? 0));
            w.WriteNumber("dram_bytes_read", steps.Sum(s => s.DramBytesRead ?? 0));
            w.WriteNumber("dram_bytes_written", steps.Sum(s => s.DramBytesWritten ?? 0));
            w.WriteStartArray("operations");
            foreach (var s in steps)
            {
                w.WriteStartObject();
                w.WriteString("step", s.Step);
                Nullable(w, "simulated_cycles", s.SimulatedCycles);
                Nullable(w, "analytic_cycles", s.AnalyticCycles);
                if (s.SimulatedEnergyPj is { } e)
                {
                    w.WriteNumber("simulated_energy_pj", Math.Round(e, 4));
                }

                if (s.AnalyticEnergyPj is { } a)
                {
                    w.WriteNumber("analytic_energy_pj", a);
                }

                Nullable(w, "dram_bytes_read", s.DramBytesRead);
                Nullable(w, "dram_bytes_written", s.DramBytesWritten);
                w.WriteString("folder", s.Step + "/");
                w.WriteEndObject();
            }

            w.WriteEndArray();
        });
    }

    /// <summary>The console table: one row per operation and a total row; simulated columns only when simulated.</summary>
    public static string Table(IReadOnlyList<SequenceStepFigures> steps)
    {
        ArgumentNullException.ThrowIfNull(steps);
        var simulated = steps.Any(s => s.SimulatedCycles is not null);
        var header = simulated
            ? new[] { "operation", "analytic cycles", "simulated cycles", "analytic energy pJ", "simulated energy pJ", "DRAM read B", "DRAM written B" }
            : ["operation", "analytic cycles", "analytic energy pJ"];
        var rows = steps.Select(s => Row(s.Step, s.AnalyticCycles, s.SimulatedCycles, s.AnalyticEnergyPj, s.SimulatedEnergyPj, s.DramBytesRead, s.DramBytesWritten, simulated)).ToList();
        rows.Add(Row("total", steps.Sum(s => s.AnalyticCycles ?? 0), steps.Sum(s => s.SimulatedCycles ?? 0), steps.Sum(s => s.AnalyticEnergyPj ?? 0), steps.Sum(s => s.SimulatedEnergyPj ?? 0), steps.Sum(s => s.DramBytesRead ?? 0), steps.Sum(s => s.DramBytesWritten ?? 0), simulated));
        var widths = header.Select((h, i) => rows.Select(r => r[i].Length).Append(h.Length).Max()).ToArray();
        var text = new StringBuilder();
        foreach (var row in rows.Prepend(header))
        {
            text.Append(string.Join("  ", row.Select((c, i) => i == 0 ? c.PadRight(widths[i]) : c.PadLeft(widths[i])))).Append('\n');
        }

        return text.ToString();
    }

    private static string[] Row(string step, long? aCycles, long? sCycles, double? aEnergy, double? sEnergy, long? read, long? written, bool simulated) => simulated
        ? [step, N(aCycles), N(sCycles), E(aEnergy), E(sEnergy), N(read), N(written)]
        : [step, N(aCycles), E(aEnergy)];

    private static string N(long? v) => v?.ToString(CultureInfo.InvariantCulture) ?? "-";

    private static string E(double? v) => v?.ToString("F1", CultureInfo.InvariantCulture) ?? "-";

    private static void Nullable(Utf8JsonWriter w, string name, long? value)
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

    private static string Json(Action<Utf8JsonWriter> body)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            body(w);
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }
}
