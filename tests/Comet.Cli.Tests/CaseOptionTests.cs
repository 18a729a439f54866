using NUnit.Framework;

namespace Comet.Cli.Tests;

/// <summary><c>--case DIR</c>: the four inputs (and flags.txt) from one folder; a file option overrides the folder's file.</summary>
public class CaseOptionTests : TempFolderTest
{
    [Test]
    public void Analyze_Case_SameReportAsTheFourFiles()
    {
        var gemm = ReferenceCases.Case("gemm_only");
        var four = Run("analyze", "--json", "--arch", Path.Combine(gemm, "arch.yaml"), "--problem", Path.Combine(gemm, "problem.yaml"), "--mapping", Path.Combine(gemm, "mapping.yaml"), "--constants", Path.Combine(gemm, "const.yaml"));
        var one = Run("analyze", "--json", "--case", gemm);
        Assert.That(four.Code, Is.Zero, four.Stderr);
        Assert.That(one.Code, Is.Zero, one.Stderr);
        Assert.That(one.Stdout, Is.EqualTo(four.Stdout));
    }

    [Test]
    public void Analyze_CaseWithNocFlagsTxt_EqualsTheExplicitFlag()
    {
        var noc = ReferenceCases.Case("ex_base_noc");
        Assert.That(File.ReadAllText(Path.Combine(noc, "flags.txt")).Trim(), Is.EqualTo("--calc_noc_energy"));
        var copy = CopyCase(noc, "plain", withFlags: false);

        var fromFlags = Run("analyze", "--json", "--case", noc);
        var explicitFlag = Run("analyze", "--json", "--case", copy, "--calc_noc_energy");
        var without = Run("analyze", "--json", "--case", copy);

        Assert.That(fromFlags.Stdout, Is.EqualTo(explicitFlag.Stdout));
        Assert.That(fromFlags.Stdout, Is.Not.EqualTo(without.Stdout), "the flag changes the energy, so the comparison can fail");
    }

    [Test]
    public void Analyze_ExplicitFileOverridesTheFolders()
    {
        var folder = CopyCase(ReferenceCases.Case("gemm_only"), "case", withFlags: false);
        File.WriteAllText(Path.Combine(folder, "const.yaml"), "this: [is broken\n");

        var (code, stdout, stderr) = Run("analyze", "--json", "--case", folder, "--constants", Path.Combine(ReferenceCases.Case("gemm_only"), "const.yaml"));

        Assert.That(code, Is.Zero, stderr);
        Assert.That(stdout, Is.EqualTo(Run("analyze", "--json", "--case", ReferenceCases.Case("gemm_only")).Stdout));
    }

    [TestCase("analyze")]
    [TestCase("simulate")]
    public void Case_MissingAFile_OneErrorLineExitTwo(string verb)
    {
        var folder = CopyCase(ReferenceCases.Case("gemm_only"), "case", withFlags: false);
        File.Delete(Path.Combine(folder, "mapping.yaml"));
        var outFolder = Path.Combine(Root, "out");

        var (code, stdout, stderr) = Run([verb, "--case", folder, .. verb == "simulate" ? new[] { "--out", outFolder } : []]);

        Assert.That(code, Is.EqualTo(2));
        Assert.That(stderr, Is.EqualTo($"error: {folder}: --case: no mapping.yaml in this folder (a case folder holds arch.yaml, problem.yaml, mapping.yaml, const.yaml){Environment.NewLine}"));
        Assert.That(Directory.Exists(outFolder), Is.False);
        Assert.That(stdout, Is.Empty);
    }

    [Test]
    public void Case_IsAFile_SaysSo()
    {
        var file = Path.Combine(ReferenceCases.Case("gemm_only"), "arch.yaml");
        var (code, _, stderr) = Run("analyze", "--case", file);
        Assert.That(code, Is.EqualTo(2));
        Assert.That(stderr, Is.EqualTo($"error: {file}: --case: is a file, not a folder (give the folder holding arch.yaml, problem.yaml, mapping.yaml, const.yaml){Environment.NewLine}"));
    }

    [Test]
    public void Case_UnknownFlagInFlagsTxt_IsAnInputError()
    {
        var folder = CopyCase(ReferenceCases.Case("gemm_only"), "case", withFlags: false);
        File.WriteAllText(Path.Combine(folder, "flags.txt"), "--calc_noc_energy --fast\n");
        var (code, _, stderr) = Run("analyze", "--case", folder);
        Assert.That(code, Is.EqualTo(2));
        Assert.That(stderr, Is.EqualTo($"error: {Path.Combine(folder, "flags.txt")}: unknown flag '--fast' (a case's flags.txt may hold --calc_noc_energy or --noc-energy){Environment.NewLine}"));
    }

    [Test]
    public void Simulate_Case_NamesTheRunAfterTheFolderAndHonoursFlagsTxt()
    {
        var outFolder = Path.Combine(Root, "out");
        var (code, _, stderr) = Run("simulate", "--case", ReferenceCases.Case("ex_base_noc"), "--trace", "none", "--out", outFolder);
        Assert.That(code, Is.Zero, stderr);
        var summary = File.ReadAllText(Path.Combine(outFolder, "summary.json"));
        Assert.That(summary, Does.Contain("ex_base_noc"));
    }

    private string CopyCase(string from, string name, bool withFlags)
    {
        var folder = Path.Combine(Root, name);
        Directory.CreateDirectory(folder);
        foreach (var file in new[] { "arch.yaml", "problem.yaml", "mapping.yaml", "const.yaml" }.Concat(withFlags ? ["flags.txt"] : []))
        {
            File.Copy(Path.Combine(from, file), Path.Combine(folder, file));
        }

        return folder;
    }

    private static (int Code, string Stdout, string Stderr) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = Program.Run(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }
}
