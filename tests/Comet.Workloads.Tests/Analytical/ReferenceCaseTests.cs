using System.Globalization;
using System.Text;
using System.Text.Json;
using Comet.Hardware.Inputs;
using Comet.Workloads.Analytical;
using Comet.Workloads.Inputs;
using Comet.Workloads.Tests.Inputs;
using NUnit.Framework;

namespace Comet.Workloads.Tests.Analytical;

/// <summary>Every case of /work/shared/reference (the tool's shipped runs): the runnable ones match number for number, the broken ones fail cleanly.</summary>
public class ReferenceCaseTests
{
    private static Dictionary<string, Dictionary<string, string>> Rows()
    {
        var text = File.ReadAllText(Path.Combine(ReferencePaths.ReferenceRoot, "reference_runs.csv"));
        var records = ParseCsv(text);
        var header = records[0];
        return records.Skip(1).Where(r => r.Count == header.Count)
            .ToDictionary(r => r[0], r => header.Zip(r).ToDictionary(p => p.First, p => p.Second));
    }

    private static List<List<string>> ParseCsv(string text)
    {
        var rows = new List<List<string>>();
        var row = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                row.Add(field.ToString());
                field.Clear();
            }
            else if (c == '\n')
            {
                row.Add(field.ToString().TrimEnd('\r'));
                field.Clear();
                rows.Add(row);
                row = new List<string>();
            }
            else
            {
                field.Append(c);
            }
        }

        if (field.Length > 0 || row.Count > 0)
        {
            row.Add(field.ToString());
            rows.Add(row);
        }

        return rows;
    }

    private static AnalyticReport Run(string name)
    {
        var dir = ReferencePaths.Case(name);
        var flags = File.Exists(Path.Combine(dir, "flags.txt")) ? File.ReadAllText(Path.Combine(dir, "flags.txt")) : string.Empty;
        return AnalyticalModel.Evaluate(CometInputLoader.LoadFolder(dir), new AnalyticOptions(flags.Contains("--calc_noc_energy", StringComparison.Ordinal)));
    }

    [TestCase("ex_base")]
    [TestCase("ex_base_noc")]
    [TestCase("gemm_only")]
    [TestCase("im_edge_M256N256K128_0")]
    [TestCase("im_cloud_M2048N2048K256_0")]
    public void Evaluate_ReferenceCase_MatchesToolOutput(string name)
    {
        var row = Rows()[name];
        var report = Run(name);
        Assert.Multiple(() =>
        {
            Assert.That(report.TotalCycles, Is.EqualTo(long.Parse(row["total_cycles"], CultureInfo.InvariantCulture)), "total cycles");
            Assert.That(report.RootNodeCycles, Is.EqualTo(long.Parse(row["root_node_cycles"], CultureInfo.InvariantCulture)), "root node cycles");
            Assert.That(report.IdealComputeCycles, Is.EqualTo(long.Parse(row["ideal_compute_total"], CultureInfo.InvariantCulture)), "ideal compute");
            var energy = double.Parse(row["total_energy_pJ"], CultureInfo.InvariantCulture);
            Assert.That(report.TotalEnergyPj, Is.EqualTo(energy).Within(energy * 1e-6), "total energy");
            using var table = JsonDocument.Parse(row["cycle_table"]);
            Assert.That(report.CycleBreakdown.Keys.Order(StringComparer.Ordinal), Is.EqualTo(table.RootElement.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal)), "breakdown rows");
            foreach (var unit in table.RootElement.EnumerateObject())
            {
                var actual = report.CycleBreakdown[unit.Name];
                Assert.That(Cell(actual.CompulsoryStall), Is.EqualTo(Cell(unit.Value.GetProperty("CS"))), $"{unit.Name} CS");
                Assert.That(Cell(actual.OptionalStall), Is.EqualTo(Cell(unit.Value.GetProperty("OS"))), $"{unit.Name} OS");
                Assert.That(Cell(actual.MemoryWindow), Is.EqualTo(Cell(unit.Value.GetProperty("TMW"))), $"{unit.Name} TMW");
                Assert.That(actual.Total, Is.EqualTo(unit.Value.GetProperty("Total").GetInt64()), $"{unit.Name} total");
            }

            using var breakdown = JsonDocument.Parse(row["energy_breakdown"]);
            foreach (var level in breakdown.RootElement.EnumerateObject())
            {
                var actual = level.Name == "Total" ? report.EnergyBreakdownTotalPj : report.EnergyBreakdownPj[level.Name];
                Assert.That(actual, Is.EqualTo(level.Value.GetDouble()).Within(0.006), $"energy {level.Name}");
            }

            using var nodes = JsonDocument.Parse(row["node_cycles"]);
            foreach (var node in nodes.RootElement.EnumerateObject())
            {
                Assert.That(report.NodeCycles[node.Name], Is.EqualTo(node.Value.GetInt64()), node.Name);
            }
        });
    }

    private static string Cell(long? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "-";

    private static string Cell(JsonElement e) => e.ValueKind == JsonValueKind.String ? e.GetString()! : e.GetInt64().ToString(CultureInfo.InvariantCulture);

    [Test]
    public void Evaluate_Mesh3x3_RunsWithDerivedHopCounts()
    {
        // the tool aborts (no 3×3 hop table); with H = D = (3−1)+(3−1) = 4 the model evaluates
        var report = Run("ex_a_mesh3x3");
        Assert.That(report.TotalCycles, Is.GreaterThan(0));
        Assert.That(report.RootNodeCycles, Is.GreaterThan(report.IdealComputeCycles));
        Assert.That(report.NodeCycles["CollectiveOpNode::8"], Is.GreaterThan(0));
    }

    [TestCase("ex_x_bad_dim_product", "mapping.factors")]
    [TestCase("ex_x_ib_too_small", "mapping.subtree[0].subtree[0].subtree[0].subtree[1].factors")]
    [TestCase("ex_x_ob_no_link", "mapping.subtree[0].subtree[0].subtree[0].subtree[3].target")]
    public void Load_BrokenReferenceCase_RaisesInputExceptionWithKeyPath(string name, string keyPath)
    {
        var e = Assert.Throws<InputException>(() => Run(name))!;
        Assert.That(e.File, Is.EqualTo("mapping.yaml"));
        Assert.That(e.KeyPath, Is.EqualTo(keyPath));
        Assert.That(e.Message, Does.StartWith($"mapping.yaml:{e.Line}:"));
    }

    [Test]
    public void Load_CollectiveOnALevelWithoutLinks_SaysWhichKeyOfArchYamlToSet()
    {
        var e = Assert.Throws<InputException>(() => Run("ex_x_ob_no_link"))!;
        Assert.That(e.Message, Does.EndWith("level 'OBuffer' has no link network for collectives (set 'link_transfers: true' in its arch.yaml attributes)"));
    }
}
