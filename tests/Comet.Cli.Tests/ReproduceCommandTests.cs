using System.Text.Json;
using Comet.Reports.Reproduce;
using Comet.Workloads.Generation;
using NUnit.Framework;

namespace Comet.Cli.Tests;

/// <summary><c>comet reproduce --quick</c>: its JSON has the issue's shape, one row per template and quick shape, and its analytic figures are <c>analyze</c>'s on the cases it wrote.</summary>
public class ReproduceCommandTests
{
    private string _root = null!;
    private string _out = null!;
    private int _code;
    private string _stdout = null!;
    private string _stderr = null!;

    [OneTimeSetUp]
    public void RunQuick()
    {
        _root = Path.Combine(Path.GetTempPath(), "comet-reproduce-" + Guid.NewGuid().ToString("N"));
        _out = Path.Combine(_root, "out");
        (_code, _stdout, _stderr) = Run("reproduce", "--quick", "--json", "--out", _out);
    }

    [OneTimeTearDown]
    public void Delete()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    [Test]
    public void Json_HasOneRowPerTemplateAndQuickShape_WithTheIssuesKeys()
    {
        Assert.That(_code, Is.Zero, _stderr);
        using var doc = JsonDocument.Parse(_stdout);
        Assert.That(doc.RootElement.EnumerateObject().Select(p => p.Name), Is.EqualTo(new[] { "rows" }));
        var rows = doc.RootElement.GetProperty("rows").EnumerateArray().ToList();
        var expected = CompoundTemplates.All.SelectMany(t => ReproduceShapes.For(t, quick: true).Select(s => (t.Name, s.Preset, s.Label))).ToList();
        Assert.That(rows.Select(r => (r.GetProperty("op").GetString(), r.GetProperty("preset").GetString(), r.GetProperty("shape").GetString())), Is.EqualTo(expected));
        foreach (var r in rows)
        {
            Assert.That(r.EnumerateObject().Select(p => p.Name).Take(7), Is.EqualTo(new[] { "op", "preset", "shape", "speedup_analytic", "speedup_simulated", "energy_ratio", "dram_traffic_ratio" }));
            Assert.That(r.GetProperty("status").GetString(), Is.EqualTo("ok"));
            Assert.That(r.GetProperty("speedup_simulated").GetDouble(), Is.GreaterThan(0));
            Assert.That(r.GetProperty("dram_traffic_ratio").GetDouble(), Is.GreaterThan(1), "unfused moves its intermediate through DRAM and back");
        }

        // A searchable template's cases come from comet search, the others' from the default rule, and the row says which.
        foreach (var r in rows)
        {
            var searchable = CompoundTemplates.Find(r.GetProperty("op").GetString()!) is ISearchableTemplate;
            Assert.That(r.GetProperty("chosen_by").GetString(), searchable ? Is.EqualTo("search") : Does.StartWith("default rule"));
        }

        Assert.That(_stderr, Does.Contain("] simulations"));
        Assert.That(File.Exists(Path.Combine(_out, "reproduce.csv")) && File.Exists(Path.Combine(_out, "reproduce.md")) && File.Exists(Path.Combine(_out, "speedups.png")), Is.True);
    }

    [Test]
    public void AnalyticFigures_EqualAnalyzeOfTheGeneratedCases()
    {
        using var doc = JsonDocument.Parse(_stdout);
        foreach (var r in doc.RootElement.GetProperty("rows").EnumerateArray())
        {
            var stem = $"{r.GetProperty("op").GetString()}-{r.GetProperty("preset").GetString()}-{r.GetProperty("shape").GetString()}";
            var (fusedCycles, fusedEnergy) = Analyze(Path.Combine(_out, "cases", stem + "-fused"));
            var (unfusedCycles, unfusedEnergy) = Analyze(Path.Combine(_out, "cases", stem + "-unfused"));

            // speedup = unfused ÷ fused analytic cycles and energy ratio = unfused ÷ fused analytic energy, to four decimals.
            Assert.That(r.GetProperty("speedup_analytic").GetDouble(), Is.EqualTo(Math.Round((double)unfusedCycles / fusedCycles, 4)), stem);
            Assert.That(r.GetProperty("energy_ratio").GetDouble(), Is.EqualTo(Math.Round(unfusedEnergy / fusedEnergy, 4)), stem);
        }
    }

    private static (long Cycles, double EnergyPj) Analyze(string folder)
    {
        var (code, stdout, stderr) = Run("analyze", "--case", folder, "--json");
        Assert.That(code, Is.Zero, stderr);
        using var doc = JsonDocument.Parse(stdout);
        return (doc.RootElement.GetProperty("total_cycles").GetInt64(), doc.RootElement.GetProperty("total_energy_pj").GetDouble());
    }

    private static (int Code, string Stdout, string Stderr) Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = CometCli.Run(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }
}
