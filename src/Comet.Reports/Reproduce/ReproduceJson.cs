using Comet.Reports.Output;
using Comet.Reports.Sweeps;

namespace Comet.Reports.Reproduce;

/// <summary>The single JSON object <c>comet reproduce --json</c> prints: <c>{"rows":[{"op","preset","shape","speedup_analytic","speedup_simulated","energy_ratio","dram_traffic_ratio",…}]}</c>.</summary>
public static class ReproduceJson
{
    /// <summary>Serializes the rows (indented, snake_case keys, null for a missing figure, no wall-clock figures).</summary>
    public static string Write(IReadOnlyList<ReproduceRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        return JsonText.Document(w =>
        {
            w.WriteStartObject();
            w.WriteStartArray("rows");
            foreach (var r in rows)
            {
                w.WriteStartObject();
                w.WriteString("op", r.Operation);
                w.WriteString("preset", r.Preset);
                w.WriteString("shape", r.Shape);
                ValidationJson.Number(w, "speedup_analytic", r.SpeedupAnalytic);
                ValidationJson.Number(w, "speedup_simulated", r.SpeedupSimulated);
                ValidationJson.Number(w, "energy_ratio", r.EnergyRatio);
                ValidationJson.Number(w, "dram_traffic_ratio", r.DramTrafficRatio);
                ValidationJson.Number(w, "energy_ratio_simulated", r.EnergyRatioSimulated);
                if (r.Attribution?.Mechanism is { } mechanism)
                {
                    w.WriteString("mechanism", mechanism);
                }
                else
                {
                    w.WriteNull("mechanism");
                }

                w.WriteString("chosen_by", r.ChosenBy);
                w.WriteString("status", r.Status);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        });
    }
}
