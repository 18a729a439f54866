using System.Globalization;
using System.Text.Json;
using Comet.Reports.Sweeps;
using NUnit.Framework;

namespace Comet.Cli.Tests;

/// <summary><c>comet validate</c> over a small sweep folder: two real cases and one with broken input.</summary>
public class ValidateCommandTests
{
    private string _root = null!;
    private string _cases = null!;
    private string _out = null!;
    private (int Code, string Stdout, string Stderr) _run;

    [OneTimeSetUp]
    public void SweepOnce()
    {
        _root = Path.Combine(Path.GetTempPath(), "comet-validate-" + Guid.NewGuid().ToString("N"));
        _cases = Path.Combine(_root, "cases");
        ValidateCaseFolders.Copy(_cases, ValidateCaseFolders.SmallCases);

        // A third case whose mapping is not YAML: its error must land in its row, not abort the sweep.
        var broken = Path.Combine(_cases, "zz_broken");
        Directory.CreateDirectory(broken);
        foreach (var file in Directory.GetFiles(Path.Combine(_cases, ValidateCaseFolders.SmallCases[0])))
        {
            File.Copy(file, Path.Combine(broken, Path.GetFileName(file)));
        }

        File.WriteAllText(Path.Combine(_cases, "zz_broken", "mapping.yaml"), "mapping: [unclosed\n");
        _out = Path.Combine(_root, "out");
        _run = ValidateCaseFolders.Run("validate", "--cases", _cases, "--out", _out);
    }

    [OneTimeTearDown]
    public void TearDown()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    [Test]
    public void Validate_BrokenCase_SweepExitsZeroAndWritesEveryFile()
    {
        Assert.That(_run.Code, Is.Zero, _run.Stderr);
        foreach (var f in new[] { "validation.csv", "validation_levels.csv", "validation_families.csv", "validation.png", "validation.svg", "run-info.json" })
        {
            Assert.That(File.Exists(Path.Combine(_out, f)), f);
        }

        Assert.That(File.ReadLines(Path.Combine(_out, "validation.csv")).First(), Is.EqualTo(ValidationCsv.CasesHeader));
        Assert.That(File.ReadLines(Path.Combine(_out, "validation_levels.csv")).First(), Is.EqualTo(ValidationCsv.LevelsHeader));
    }

    [Test]
    public void Validate_AnalyticColumn_IsTheReferenceToolsTotalCycles()
    {
        var rows = ValidateCaseFolders.Rows(Path.Combine(_out, "validation.csv"));
        Assert.That(rows.Select(r => r["case"]), Is.EqualTo(ValidateCaseFolders.SmallCases.Append("zz_broken").ToArray()), "one row per case folder, in name order");
        foreach (var name in ValidateCaseFolders.SmallCases)
        {
            using var expected = JsonDocument.Parse(File.ReadAllText(Path.Combine(ValidateCaseFolders.OracleRoot, name, "expected.json")));
            var row = rows.Single(r => r["case"] == name);
            Assert.That(row["status"], Is.EqualTo("ok"));
            Assert.That(long.Parse(row["analytic_total_cycles"], CultureInfo.InvariantCulture), Is.EqualTo(expected.RootElement.GetProperty("total_cycles").GetInt64()), name);
            Assert.That(long.Parse(row["analytic_root_cycles"], CultureInfo.InvariantCulture), Is.EqualTo(expected.RootElement.GetProperty("root_node_cycles").GetInt64()), name);
            Assert.That(row["family"], Is.EqualTo("ex"));
        }
    }

    [Test]
    public void Validate_SimulatedColumnAndLevelRows_AreWhatSimulateJsonGives()
    {
        var rows = ValidateCaseFolders.Rows(Path.Combine(_out, "validation.csv"));
        var levels = ValidateCaseFolders.Rows(Path.Combine(_out, "validation_levels.csv"));
        foreach (var name in ValidateCaseFolders.SmallCases)
        {
            var folder = Path.Combine(_cases, name);
            var (code, stdout, stderr) = ValidateCaseFolders.Run(
                "simulate", "--arch", Path.Combine(folder, "arch.yaml"), "--problem", Path.Combine(folder, "problem.yaml"), "--mapping", Path.Combine(folder, "mapping.yaml"),
                "--constants", Path.Combine(folder, "const.yaml"), "--trace", "none", "--json", "--out", Path.Combine(_root, "sim-" + name));
            Assert.That(code, Is.Zero, stderr);
            using var summary = JsonDocument.Parse(stdout);
            var s = summary.RootElement;
            var row = rows.Single(r => r["case"] == name);
            Assert.That(long.Parse(row["simulated_cycles"], CultureInfo.InvariantCulture), Is.EqualTo(s.GetProperty("simulated_cycles").GetInt64()), name);
            Assert.That(long.Parse(row["events"], CultureInfo.InvariantCulture), Is.EqualTo(s.GetProperty("events").GetInt64()), name);
            Assert.That(double.Parse(row["error_vs_total_pct"], CultureInfo.InvariantCulture), Is.EqualTo(s.GetProperty("error_pct").GetDouble()), name);

            // Every node of summary.json has its row, with the same figures.
            foreach (var n in s.GetProperty("nodes").EnumerateArray())
            {
                var l = levels.Single(r => r["case"] == name && r["kind"] == "node" && r["name"] == n.GetProperty("node").GetString());
                Assert.That(l["simulated_cycles"], Is.EqualTo(n.GetProperty("simulated_cycles").GetRawText()));
                Assert.That(l["analytic_cycles"], Is.EqualTo(n.GetProperty("analytic_cycles").GetRawText()));
            }

            foreach (var lv in s.GetProperty("levels").EnumerateArray())
            {
                var l = levels.Single(r => r["case"] == name && r["kind"] == "level" && r["name"] == lv.GetProperty("level").GetString());
                Assert.That(l["simulated_energy_pj"], Is.EqualTo(lv.GetProperty("simulated_energy_pj").GetRawText()));
            }

            Assert.That(File.ReadAllText(Path.Combine(_out, "cases", name, "summary.json")), Is.EqualTo(stdout), "the sweep keeps each case's summary.json");
        }
    }

    [Test]
    public void Validate_BrokenCase_HasItsOneLineErrorInTheStatusColumn()
    {
        var row = ValidateCaseFolders.Rows(Path.Combine(_out, "validation.csv")).Single(r => r["case"] == "zz_broken");
        Assert.That(row["status"], Does.StartWith("error: "));
        Assert.That(row["status"], Does.Contain("mapping.yaml"));
        Assert.That(row["status"], Does.Not.Contain("\n"));
        Assert.That(row["simulated_cycles"], Is.Empty);
        Assert.That(row["analytic_total_cycles"], Is.Empty);
        Assert.That(File.ReadAllLines(Path.Combine(_out, "validation.csv")), Has.Length.EqualTo(4), "header and three rows: the error's text stays on one line");
    }

    [Test]
    public void Validate_FamilyStatistics_CountTheComparedCases()
    {
        var families = ValidateCaseFolders.Rows(Path.Combine(_out, "validation_families.csv"));
        var all = families.Single(f => f["family"] == "all");
        Assert.That(all["cases"], Is.EqualTo("3"));
        Assert.That(all["compared"], Is.EqualTo("2"));
    }

    [Test]
    public void Validate_SameInputs_ByteIdenticalFiles()
    {
        var again = Path.Combine(_root, "again");
        var (code, _, stderr) = ValidateCaseFolders.Run("validate", "--cases", _cases, "--out", again, "--jobs", "2");

        Assert.That(code, Is.Zero, stderr);
        foreach (var f in new[] { "validation.csv", "validation_levels.csv", "validation_families.csv", "validation.svg", "validation.png" })
        {
            Assert.That(File.ReadAllBytes(Path.Combine(again, f)), Is.EqualTo(File.ReadAllBytes(Path.Combine(_out, f))), f);
        }
    }

    [Test]
    public void Validate_EventBudget_RecordsTheCaseAsSkipped()
    {
        var outFolder = Path.Combine(_root, "budget");
        var (code, _, stderr) = ValidateCaseFolders.Run("validate", "--cases", _cases, "--out", outFolder, "--max-events", "1000", "--json");

        Assert.That(code, Is.Zero, stderr);
        var row = ValidateCaseFolders.Rows(Path.Combine(outFolder, "validation.csv")).Single(r => r["case"] == ValidateCaseFolders.SmallCases[0]);
        Assert.That(row["status"], Does.StartWith("skipped: event budget (1000 events)"));
        Assert.That(row["simulated_cycles"], Is.Empty);
        Assert.That(row["events"], Is.EqualTo("1000"));
        Assert.That(row["analytic_total_cycles"], Is.Not.Empty, "the model's figures are kept");
    }

    [Test]
    public void Validate_MissingCasesFolder_ExitsTwoWithOneLine()
    {
        var (code, stdout, stderr) = ValidateCaseFolders.Run("validate", "--cases", Path.Combine(_root, "nope"), "--out", Path.Combine(_root, "x"));

        Assert.That(code, Is.EqualTo(2));
        Assert.That(stdout, Is.Empty);
        Assert.That(stderr.TrimEnd('\n').Split('\n'), Has.Length.EqualTo(1));
        Assert.That(stderr, Does.StartWith("error: ").And.Contain("nope"));
        Assert.That(Directory.Exists(Path.Combine(_root, "x")), Is.False);
    }

    [Test]
    public void Validate_EmptyCasesFolder_ExitsTwoWithOneLine()
    {
        var empty = Path.Combine(_root, "empty");
        Directory.CreateDirectory(empty);
        var (code, _, stderr) = ValidateCaseFolders.Run("validate", "--cases", empty);

        Assert.That(code, Is.EqualTo(2));
        Assert.That(stderr.TrimEnd('\n').Split('\n'), Has.Length.EqualTo(1));
        Assert.That(stderr, Does.StartWith("error: ").And.Contain("no case folders"));
    }
}
