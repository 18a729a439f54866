using System.Globalization;
using System.Text.Json;
using Comet.Reports.Sweeps;
using NUnit.Framework;

namespace Comet.Cli.Tests;

/// <summary><c>comet calibrate</c> over two small cases.</summary>
public class CalibrateCommandTests
{
    private string _root = null!;

    [SetUp]
    public void SetUp()
    {
        _root = Path.Combine(Path.GetTempPath(), "comet-calibrate-" + Guid.NewGuid().ToString("N"));
    }

    [TearDown]
    public void TearDown()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    [Test]
    public void Calibrate_TwoCases_WritesCoefficientsAndBeforeAfterRows()
    {
        var cases = Path.Combine(_root, "cases");
        ValidateCaseFolders.Copy(cases, ValidateCaseFolders.SmallCases);
        var outFolder = Path.Combine(_root, "out");

        var (code, stdout, stderr) = ValidateCaseFolders.Run("calibrate", "--cases", cases, "--out", outFolder, "--json");

        Assert.That(code, Is.Zero, stderr);
        using var doc = JsonDocument.Parse(stdout);
        var root = doc.RootElement;
        Assert.That(root.GetProperty("cases").GetInt32(), Is.EqualTo(2));
        foreach (var term in new[] { "cs", "os", "tmw" })
        {
            Assert.That(root.GetProperty("coefficients").GetProperty(term).GetDouble(), Is.GreaterThanOrEqualTo(0), term);
        }

        Assert.That(root.GetProperty("mean_abs_error_after_pct").GetDouble(), Is.LessThanOrEqualTo(root.GetProperty("mean_abs_error_before_pct").GetDouble()));
        Assert.That(File.ReadAllText(Path.Combine(outFolder, "calibration.json")), Is.EqualTo(stdout));

        var rows = ValidateCaseFolders.Rows(Path.Combine(outFolder, "calibration.csv"));
        Assert.That(File.ReadLines(Path.Combine(outFolder, "calibration.csv")).First(), Is.EqualTo(ValidationCalibrationReport.CsvHeader));
        Assert.That(rows.Select(r => r["case"]), Is.EqualTo(ValidateCaseFolders.SmallCases));
        foreach (var row in rows)
        {
            using var expected = JsonDocument.Parse(File.ReadAllText(Path.Combine(ValidateCaseFolders.OracleRoot, row["case"], "expected.json")));
            var total = expected.RootElement.GetProperty("total_cycles").GetInt64();
            Assert.That(double.Parse(row["before_cycles"], CultureInfo.InvariantCulture), Is.EqualTo(total), "before calibration the prediction is COMET's Total Cycles");
            var terms = new[] { "cs", "os", "tmw" }.Sum(t => double.Parse(row[t], CultureInfo.InvariantCulture));
            Assert.That(terms, Is.EqualTo(total), "the three breakdown columns add up to Total Cycles");
        }
    }

    [Test]
    public void Calibrate_FromEarlierValidation_GivesTheSameFitWithoutSimulating()
    {
        var cases = Path.Combine(_root, "cases");
        ValidateCaseFolders.Copy(cases, ValidateCaseFolders.SmallCases);
        var direct = ValidateCaseFolders.Run("calibrate", "--cases", cases, "--out", Path.Combine(_root, "direct"), "--json");
        var validate = ValidateCaseFolders.Run("validate", "--cases", cases, "--out", Path.Combine(_root, "val"));
        Assert.That(validate.Code, Is.Zero, validate.Stderr);

        var reused = ValidateCaseFolders.Run("calibrate", "--cases", cases, "--out", Path.Combine(_root, "reused"), "--json", "--from-validation", Path.Combine(_root, "val", "validation.csv"));

        Assert.That(reused.Code, Is.Zero, reused.Stderr);
        Assert.That(reused.Stdout, Is.EqualTo(direct.Stdout));
        Assert.That(File.ReadAllText(Path.Combine(_root, "reused", "calibration.csv")), Is.EqualTo(File.ReadAllText(Path.Combine(_root, "direct", "calibration.csv"))));
        Assert.That(reused.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries), Has.All.StartWith("warning: "), "no case was simulated again (only warnings)");
    }

    [Test]
    public void Calibrate_FromValidationAlone_GivesTheSameFitAsWithTheCases()
    {
        var cases = Path.Combine(_root, "cases");
        ValidateCaseFolders.Copy(cases, ValidateCaseFolders.SmallCases);
        var direct = ValidateCaseFolders.Run("calibrate", "--cases", cases, "--out", Path.Combine(_root, "direct"), "--json");
        var validate = ValidateCaseFolders.Run("validate", "--cases", cases, "--out", Path.Combine(_root, "val"));
        Assert.That(validate.Code, Is.Zero, validate.Stderr);

        var alone = ValidateCaseFolders.Run("calibrate", "--from-validation", Path.Combine(_root, "val", "validation.csv"), "--out", Path.Combine(_root, "alone"), "--json");

        Assert.That(alone.Code, Is.Zero, alone.Stderr);
        Assert.That(alone.Stdout, Is.EqualTo(direct.Stdout));
        Assert.That(File.ReadAllText(Path.Combine(_root, "alone", "calibration.csv")), Is.EqualTo(File.ReadAllText(Path.Combine(_root, "direct", "calibration.csv"))));
    }

    [Test]
    public void Calibrate_WithNeitherCasesNorValidation_ExitsTwo()
    {
        var (code, _, stderr) = ValidateCaseFolders.Run("calibrate", "--out", Path.Combine(_root, "out"));

        Assert.That(code, Is.EqualTo(2));
        Assert.That(stderr, Is.EqualTo("error: --cases: give --cases <folder>, or --from-validation <validation.csv> of an earlier sweep" + Environment.NewLine));
    }

    [Test]
    public void Calibrate_DuplicateAndFewCases_WarnOneLineEach_AndLeaveOneOutComesFirst()
    {
        var cases = Path.Combine(_root, "cases");
        ValidateCaseFolders.Copy(cases, ValidateCaseFolders.SmallCases);
        var copy = Path.Combine(cases, "zz_copy");
        Directory.CreateDirectory(copy);
        foreach (var file in Directory.GetFiles(Path.Combine(cases, ValidateCaseFolders.SmallCases[0])))
        {
            File.Copy(file, Path.Combine(copy, Path.GetFileName(file)));
        }

        var (code, stdout, stderr) = ValidateCaseFolders.Run("calibrate", "--cases", cases, "--out", Path.Combine(_root, "out"));

        Assert.That(code, Is.Zero, stderr);
        var warnings = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => l.StartsWith("warning: ", StringComparison.Ordinal)).ToList();
        Assert.That(warnings, Is.EqualTo(new[]
        {
            "warning: fitting 3 coefficients to 3 cases (fewer than 4 cases per coefficient): the fit can follow noise; judge it by the leave-one-out error, and add cases",
            $"warning: cases with identical inputs (same SHA-256 of the four files) are fitted more than once: {ValidateCaseFolders.SmallCases[0]} = zz_copy; each such group weighs as several cases",
        }));
        Assert.That(stdout.Split('\n')[0], Does.StartWith("leave-one-out mean |error| ").And.EndWith(" % (each case predicted by a fit to the others)"));
    }

    [Test]
    public void Calibrate_UnknownWeighting_ExitsTwo()
    {
        var (code, _, stderr) = ValidateCaseFolders.Run("calibrate", "--cases", _root, "--weighting", "median");

        Assert.That(code, Is.EqualTo(2));
        Assert.That(stderr, Does.StartWith("error: ").And.Contain("weighting"));
    }
}
