using System.Globalization;
using System.Text.Json;
using Comet.Workloads.Analytical;

namespace Comet.Workloads.Tests.Analytical;

/// <summary>Compares an <see cref="AnalyticReport"/> with an expected.json of the reference tool and lists every difference.</summary>
public static class OracleComparison
{
    /// <summary>Returns one line per differing number (empty when everything matches).</summary>
    public static List<string> Differences(AnalyticReport report, JsonElement expected)
    {
        var diffs = new List<string>();
        void Int(string name, long actual, JsonElement e)
        {
            if (e.ValueKind == JsonValueKind.Number && e.GetInt64() != actual)
            {
                diffs.Add($"{name}: expected {e.GetInt64()}, got {actual}");
            }
        }

        void Real(string name, double actual, JsonElement e, double rel, double abs)
        {
            var v = e.GetDouble();
            if (Math.Abs(v - actual) > Math.Max(abs, rel * Math.Abs(v)))
            {
                diffs.Add($"{name}: expected {v.ToString("R", CultureInfo.InvariantCulture)}, got {actual.ToString("R", CultureInfo.InvariantCulture)}");
            }
        }

        Int("total_cycles", report.TotalCycles, expected.GetProperty("total_cycles"));
        Int("root_node_cycles", report.RootNodeCycles, expected.GetProperty("root_node_cycles"));
        Int("ideal_compute_cycles", report.IdealComputeCycles, expected.GetProperty("ideal_compute_cycles"));
        var relTol = expected.TryGetProperty("energy_rel_tol", out var rt) ? rt.GetDouble() : 1e-6;
        Real("total_energy_pj", report.TotalEnergyPj, expected.GetProperty("total_energy_pj"), relTol, 0.5);
        if (expected.TryGetProperty("energy_breakdown_pj", out var eb))
        {
            foreach (var p in eb.EnumerateObject())
            {
                var actual = p.Name == "Total" ? report.EnergyBreakdownTotalPj : report.EnergyBreakdownPj.TryGetValue(p.Name, out var a) ? a : double.NaN;
                if (double.IsNaN(actual))
                {
                    diffs.Add($"energy_breakdown_pj[{p.Name}]: missing");
                    continue;
                }

                Real($"energy_breakdown_pj[{p.Name}]", actual, p.Value, 1e-7, 0.006);
            }

            foreach (var key in report.EnergyBreakdownPj.Keys)
            {
                if (!eb.TryGetProperty(key, out _))
                {
                    diffs.Add($"energy_breakdown_pj[{key}]: unexpected row");
                }
            }
        }

        if (expected.TryGetProperty("cycle_breakdown", out var cb))
        {
            foreach (var p in cb.EnumerateObject())
            {
                if (!report.CycleBreakdown.TryGetValue(p.Name, out var row))
                {
                    diffs.Add($"cycle_breakdown[{p.Name}]: missing");
                    continue;
                }

                Nullable($"cycle_breakdown[{p.Name}].cs", row.CompulsoryStall, p.Value.GetProperty("cs"));
                Nullable($"cycle_breakdown[{p.Name}].os", row.OptionalStall, p.Value.GetProperty("os"));
                Nullable($"cycle_breakdown[{p.Name}].tmw", row.MemoryWindow, p.Value.GetProperty("tmw"));
            }

            foreach (var key in report.CycleBreakdown.Keys)
            {
                if (!cb.TryGetProperty(key, out _))
                {
                    diffs.Add($"cycle_breakdown[{key}]: unexpected row");
                }
            }
        }

        void Nullable(string name, long? actual, JsonElement e)
        {
            long? v = e.ValueKind == JsonValueKind.Null ? null : e.GetInt64();
            if (v != actual)
            {
                diffs.Add($"{name}: expected {v?.ToString(CultureInfo.InvariantCulture) ?? "-"}, got {actual?.ToString(CultureInfo.InvariantCulture) ?? "-"}");
            }
        }

        Map("node_cycles", report.NodeCycles, expected);
        Map("parent_iterations", report.ParentIterations, expected);
        if (expected.TryGetProperty("ideal_compute", out var ic))
        {
            foreach (var p in ic.EnumerateObject())
            {
                if (p.Name != "Total")
                {
                    Int($"ideal_compute[{p.Name}]", report.IdealCompute.TryGetValue(p.Name, out var v) ? v : -1, p.Value);
                }
            }
        }

        if (expected.TryGetProperty("utilization", out var ut))
        {
            foreach (var p in ut.EnumerateObject())
            {
                var actual = p.Name == "Total" ? report.UtilizationTotal : report.Utilization.TryGetValue(p.Name, out var v) ? v : -1;
                Real($"utilization[{p.Name}]", actual, p.Value, 0, 0.0051);
            }
        }

        if (expected.TryGetProperty("node_energy", out var ne))
        {
            var tol = expected.TryGetProperty("node_energy_rel_tol", out var nt) ? nt.GetDouble() : 1e-5;
            foreach (var node in ne.EnumerateObject())
            {
                foreach (var level in node.Value.EnumerateObject())
                {
                    var actual = report.NodeEnergyPj.TryGetValue(node.Name, out var rows) && rows.TryGetValue(level.Name, out var v) ? v : double.NaN;
                    if (double.IsNaN(actual))
                    {
                        diffs.Add($"node_energy[{node.Name}][{level.Name}]: missing");
                        continue;
                    }

                    Real($"node_energy[{node.Name}][{level.Name}]", actual, level.Value, tol, 0.01);
                }
            }
        }

        return diffs;

        void Map(string property, IReadOnlyDictionary<string, long> actual, JsonElement root)
        {
            if (!root.TryGetProperty(property, out var map))
            {
                return;
            }

            foreach (var p in map.EnumerateObject())
            {
                if (!actual.TryGetValue(p.Name, out var v))
                {
                    diffs.Add($"{property}[{p.Name}]: missing");
                    continue;
                }

                Int($"{property}[{p.Name}]", v, p.Value);
            }
        }
    }
}
