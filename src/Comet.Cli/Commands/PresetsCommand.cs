using System.CommandLine;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Comet.Workloads.Generation;

namespace Comet.Cli.Commands;

/// <summary>The <c>comet presets</c> verb: lists the shipped architectures with their meshes, buffers, bandwidths and engines.</summary>
public static class PresetsCommand
{
    /// <summary>Creates the verb with its options.</summary>
    public static Command Create(TextWriter stdout)
    {
        var command = new Command("presets", "List the shipped architectures usable with --preset NAME: mesh sizes, buffer capacities, bandwidths and engines.");
        var json = CommonOptions.Json();
        command.Options.Add(json);
        command.SetAction(parse =>
        {
            var rows = Presets.Names.Select(PresetSummary.Of).ToList();
            stdout.Write(parse.GetValue(json) ? Json(rows) : Table(rows));
            return 0;
        });
        return command;
    }

    /// <summary>The presets as an aligned text table, one row per preset, followed by each preset's origin.</summary>
    public static string Table(IReadOnlyList<PresetSummary> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        string[] header = ["preset", "clusters", "cores", "GB B", "IB B", "WB B", "OB B", "DRAM B/cy", "NoC B/cy", "core NoC B/cy", "GB link B/cy", "GEMM engine", "SIMD lanes"];
        var cells = rows.Select(r => new[]
        {
            r.Name, r.ClusterMesh, r.CoreMesh, Num(r.ClusterBufferBytes), Num(r.InputBufferBytes), Num(r.WeightBufferBytes), Num(r.OutputBufferBytes),
            Num(r.DramBytesPerCycle), Num(r.ClusterNocBytesPerCycle), Num(r.CoreNocBytesPerCycle), Num(r.ClusterLinkBytesPerCycle), r.GemmEngine, Num(r.SimdLanes),
        }).ToList();
        var widths = header.Select((h, i) => cells.Select(c => c[i].Length).Append(h.Length).Max()).ToArray();
        var text = new StringBuilder();
        void Line(IReadOnlyList<string> row) => text.Append(string.Join("  ", row.Select((c, i) => i == 0 || i == row.Count - 2 ? c.PadRight(widths[i]) : c.PadLeft(widths[i]))).TrimEnd()).Append('\n');
        Line(header);
        cells.ForEach(Line);
        text.Append('\n');
        foreach (var r in rows)
        {
            text.Append($"{r.Name}: {r.Origin}\n");
        }

        return text.ToString();
    }

    /// <summary>The presets as one JSON object holding a <c>presets</c> array.</summary>
    public static string Json(IReadOnlyList<PresetSummary> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteStartArray("presets");
            foreach (var r in rows)
            {
                w.WriteStartObject();
                w.WriteString("name", r.Name);
                w.WriteString("origin", r.Origin);
                w.WriteString("cluster_mesh", r.ClusterMesh);
                w.WriteString("core_mesh", r.CoreMesh);
                w.WriteNumber("cluster_buffer_bytes", r.ClusterBufferBytes);
                w.WriteNumber("input_buffer_bytes", r.InputBufferBytes);
                w.WriteNumber("weight_buffer_bytes", r.WeightBufferBytes);
                w.WriteNumber("output_buffer_bytes", r.OutputBufferBytes);
                w.WriteNumber("dram_bytes_per_cycle", r.DramBytesPerCycle);
                w.WriteNumber("cluster_noc_bytes_per_cycle", r.ClusterNocBytesPerCycle);
                w.WriteNumber("core_noc_bytes_per_cycle", r.CoreNocBytesPerCycle);
                w.WriteNumber("cluster_link_bytes_per_cycle", r.ClusterLinkBytesPerCycle);
                w.WriteString("gemm_engine", r.GemmEngine);
                w.WriteNumber("simd_lanes", r.SimdLanes);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    private static string Num(long value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
