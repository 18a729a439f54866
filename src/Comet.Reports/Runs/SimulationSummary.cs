using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Comet.Workloads.Analytical;
using Comet.Workloads.Execution;

namespace Comet.Reports.Runs;

/// <summary>Writes summary.json: simulated and analytic figures side by side, deterministic (no wall-clock time in it).</summary>
public static class SimulationSummary
{
    /// <summary>Relative error of <paramref name="simulated"/> against <paramref name="analytic"/>, percent (null when undefined).</summary>
    public static double? ErrorPercent(double simulated, double? analytic) =>
        analytic is { } a && a != 0 ? Math.Round((simulated - a) / a * 100, 4) : null;

    /// <summary>The summary as indented JSON text (ends with a newline).</summary>
    public static string Build(SimulationRequest request, SimulationResult result, AnalyticReport? analytic, bool cancelled)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteString("name", request.Name);
            w.WriteString("trace", request.Trace.ToString().ToLowerInvariant());
            w.WriteNumber("seed", request.Seed);
            w.WriteString("leaf_ports", request.ExecutionOrDefault.StreamLeaves ? "stream" : "tile");
            w.WriteString("network", request.ExecutionOrDefault.Network == Comet.Hardware.Components.MeshSwitching.CutThrough ? "cut-through" : "store-and-forward");
            w.WriteString("transfers", request.ExecutionOrDefault.Transfers == Comet.Hardware.Components.TransferMode.Pipelined ? "pipelined" : "serial");
            ScheduleSummary.WriteModes(w, request.ExecutionOrDefault);
            w.WriteBoolean("cancelled", cancelled);
            w.WriteNumber("simulated_cycles", result.SimulatedCycles);
            Nullable(w, "analytic_cycles", analytic?.TotalCycles);
            Nullable(w, "analytic_root_node_cycles", analytic?.RootNodeCycles);
            Nullable(w, "error_pct", ErrorPercent(result.SimulatedCycles, analytic?.TotalCycles));
            Nullable(w, "error_vs_root_node_pct", ErrorPercent(result.SimulatedCycles, analytic?.RootNodeCycles));
            w.WriteNumber("events", result.Events);
            w.WriteStartArray("analytic_notes");
            foreach (var note in analytic?.Notes ?? [])
            {
                w.WriteStringValue(note);
            }

            w.WriteEndArray();

            w.WriteStartArray("nodes");
            foreach (var n in result.Nodes.Where(n => n.Kind != "collective"))
            {
                NodeObject(w, n, analytic);
            }

            w.WriteEndArray();
            w.WriteStartArray("collectives");
            foreach (var n in result.Nodes.Where(n => n.Kind == "collective"))
            {
                NodeObject(w, n, analytic);
            }

            w.WriteEndArray();

            w.WriteStartArray("levels");
            foreach (var l in result.Levels)
            {
                w.WriteStartObject();
                w.WriteString("level", l.Level);
                w.WriteNumber("instances", l.Instances);
                w.WriteNumber("bytes_read", l.BytesRead);
                w.WriteNumber("bytes_written", l.BytesWritten);
                w.WriteNumber("max_port_busy_cycles", l.MaxPortBusyCycles);
                var simE = result.EnergyByComponent.GetValueOrDefault(l.Level);
                w.WriteNumber("simulated_energy_pj", Math.Round(simE, 4));
                var anaE = AnalyticEnergy(analytic, l.Level);
                Nullable(w, "analytic_energy_pj", anaE);
                Nullable(w, "energy_error_pct", ErrorPercent(simE, anaE));
                w.WriteEndObject();
            }

            w.WriteEndArray();

            // COMET's per-unit table (non-overlapped memory time per level group, leaf compute per op), for reading
            // the levels' simulated port-busy cycles against.
            w.WriteStartObject("analytic_cycle_breakdown");
            if (analytic is not null)
            {
                foreach (var (unit, c) in analytic.CycleBreakdown.OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    w.WriteStartObject(unit);
                    Nullable(w, "cs", c.CompulsoryStall);
                    Nullable(w, "os", c.OptionalStall);
                    Nullable(w, "tmw", c.MemoryWindow);
                    w.WriteNumber("total", c.Total);
                    w.WriteEndObject();
                }
            }

            w.WriteEndObject();

            w.WriteStartObject("energy");
            w.WriteNumber("simulated_total_pj", Math.Round(result.TotalEnergy, 4));
            Nullable(w, "analytic_total_pj", analytic?.TotalEnergyPj);
            Nullable(w, "error_pct", ErrorPercent(result.TotalEnergy, analytic?.TotalEnergyPj));
            w.WriteStartObject("simulated_pj");
            foreach (var (k, v) in result.EnergyByComponent)
            {
                w.WriteNumber(k, Math.Round(v, 4));
            }

            w.WriteEndObject();
            w.WriteStartObject("analytic_pj");
            if (analytic is not null)
            {
                foreach (var (k, v) in analytic.EnergyBreakdownPj.OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    w.WriteNumber(k, v);
                }
            }

            w.WriteEndObject();
            w.WriteEndObject();

            w.WriteStartObject("units");
            foreach (var (k, v) in result.Units)
            {
                w.WriteNumber(k, v);
            }

            w.WriteEndObject();
            ScheduleSummary.WriteFigures(w, request.ExecutionOrDefault, result);

            w.WriteStartObject("inputs_sha256");
            foreach (var (k, v) in request.Inputs.Hashes.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                w.WriteString(k, v);
            }

            w.WriteEndObject();
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    /// <summary>The analytical energy of level <paramref name="level"/>: its breakdown row, or for an engine the sum of its <c>level-op</c> rows.</summary>
    public static double? AnalyticEnergy(AnalyticReport? analytic, string level)
    {
        if (analytic is null)
        {
            return null;
        }

        if (analytic.EnergyBreakdownPj.TryGetValue(level, out var e))
        {
            return e;
        }

        var rows = analytic.EnergyBreakdownPj.Where(p => p.Key.StartsWith(level + "-", StringComparison.Ordinal) && !p.Key.Contains("<->", StringComparison.Ordinal)).ToList();
        return rows.Count == 0 ? null : rows.Sum(p => (double)p.Value);
    }

    private static void NodeObject(Utf8JsonWriter w, NodeStatistics n, AnalyticReport? analytic)
    {
        w.WriteStartObject();
        w.WriteString("node", n.Name);
        w.WriteString("kind", n.Kind);
        w.WriteString("levels", n.Levels);
        if (n.Algorithm is { } algorithm)
        {
            w.WriteString("algorithm", algorithm);
        }

        w.WriteNumber("invocations", n.Invocations);
        w.WriteNumber("simulated_cycles", Math.Round(n.MeanCycles, 4));
        long? a = analytic is not null && analytic.NodeCycles.TryGetValue(n.Name, out var c) ? c : null;
        Nullable(w, "analytic_cycles", a);
        Nullable(w, "error_pct", n.Basis == NodeCycleBasis.NotComparable ? null : ErrorPercent(n.MeanCycles, a));
        w.WriteString("simulated_basis", BasisKey(n.Basis));
        w.WriteNumber("simulated_cycles_per_invocation", Math.Round(n.MeanCyclesPerInvocation, 4));
        w.WriteNumber("total_cycles", n.TotalCycles);
        w.WriteNumber("first_start", n.FirstStart);
        w.WriteNumber("last_end", n.LastEnd);
        w.WriteNumber("stall_cycles", n.StallCycles);
        long? pi = analytic is not null && analytic.ParentIterations.TryGetValue(n.Name, out var p) ? p : null;
        Nullable(w, "analytic_parent_iterations", pi);
        w.WriteEndObject();
    }

    /// <summary>The summary.json key of a node's cycle basis.</summary>
    public static string BasisKey(NodeCycleBasis basis) => basis switch
    {
        NodeCycleBasis.Invocation => "invocation",
        NodeCycleBasis.ParentInvocation => "parent_invocation",
        NodeCycleBasis.ParentStages => "parent_stages",
        _ => "not_comparable",
    };

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

    private static void Nullable(Utf8JsonWriter w, string name, double? value)
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
}
