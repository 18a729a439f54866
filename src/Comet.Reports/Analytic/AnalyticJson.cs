using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Comet.Workloads.Analytical;

namespace Comet.Reports.Analytic;

/// <summary>Writes an <see cref="AnalyticReport"/> as the single JSON object of <c>comet analyze --json</c>.</summary>
public static class AnalyticJson
{
    /// <summary>Serializes the report with the inputs' SHA-256 hashes.</summary>
    public static string Write(AnalyticReport report, IReadOnlyDictionary<string, string> hashes)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteNumber("total_cycles", report.TotalCycles);
            w.WriteNumber("root_node_cycles", report.RootNodeCycles);
            w.WriteNumber("ideal_compute_cycles", report.IdealComputeCycles);
            w.WriteNumber("total_energy_pj", report.TotalEnergyPj);
            w.WriteStartObject("energy_breakdown_pj");
            foreach (var (key, value) in report.EnergyBreakdownPj)
            {
                w.WriteNumber(key, (double)value);
            }

            w.WriteNumber("Total", (double)report.EnergyBreakdownTotalPj);
            w.WriteEndObject();
            w.WriteStartObject("cycle_breakdown");
            foreach (var (unit, row) in report.CycleBreakdown.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                w.WriteStartObject(unit);
                Nullable(w, "cs", row.CompulsoryStall);
                Nullable(w, "os", row.OptionalStall);
                Nullable(w, "tmw", row.MemoryWindow);
                w.WriteNumber("total", row.Total);
                w.WriteEndObject();
            }

            w.WriteEndObject();
            w.WriteStartObject("node_cycles");
            foreach (var (node, cycles) in report.NodeCycles)
            {
                w.WriteNumber(node, cycles);
            }

            w.WriteEndObject();
            w.WriteStartObject("ideal_compute");
            foreach (var (op, cycles) in report.IdealCompute)
            {
                w.WriteNumber(op, cycles);
            }

            w.WriteNumber("Total", report.IdealComputeCycles);
            w.WriteEndObject();
            w.WriteStartObject("utilization");
            foreach (var (level, value) in report.Utilization)
            {
                w.WriteNumber(level, Math.Round(value, 6));
            }

            w.WriteNumber("Total", Math.Round(report.UtilizationTotal, 6));
            w.WriteEndObject();
            w.WriteStartObject("parent_iterations");
            foreach (var (node, value) in report.ParentIterations)
            {
                w.WriteNumber(node, value);
            }

            w.WriteEndObject();
            w.WriteStartObject("node_energy");
            foreach (var (node, levels) in report.NodeEnergyPj)
            {
                w.WriteStartObject(node);
                foreach (var (level, value) in levels)
                {
                    w.WriteNumber(level, value);
                }

                w.WriteEndObject();
            }

            w.WriteEndObject();
            w.WriteBoolean("calc_noc_energy", report.NocEnergy);
            w.WriteStartArray("notes");
            foreach (var note in report.Notes)
            {
                w.WriteStringValue(note);
            }

            w.WriteEndArray();
            w.WriteStartObject("input_sha256");
            foreach (var (key, value) in hashes)
            {
                w.WriteString(key, value);
            }

            w.WriteEndObject();
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

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
}
