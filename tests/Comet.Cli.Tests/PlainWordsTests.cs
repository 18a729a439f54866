using NUnit.Framework;

namespace Comet.Cli.Tests;

/// <summary>Every message a person can act on: option values in words, every missing option at once, folders and files told apart, YAML syntax in words.</summary>
public class PlainWordsTests : TempFolderTest
{
    [TestCase("--seed", "abc", "--seed: 'abc' is not a whole number")]
    [TestCase("--seed", "1.5", "--seed: '1.5' is not a whole number")]
    [TestCase("--seed", "99999999999", "--seed: '99999999999' is too large (at most 2147483647)")]
    [TestCase("--seed", "-99999999999", "--seed: '-99999999999' is too small (at least -2147483648)")]
    public void Simulate_BadOptionValue_IsNamedInWords(string option, string value, string expected)
    {
        var (code, _, stderr) = Run("simulate", "--case", ReferenceCases.Case("gemm_only"), option, value, "--out", Path.Combine(Root, "out"));
        Assert.That(code, Is.EqualTo(2));
        Assert.That(stderr, Is.EqualTo($"error: {expected}{Environment.NewLine}"));
        Assert.That(Directory.Exists(Path.Combine(Root, "out")), Is.False);
    }

    [Test]
    public void Validate_BadJobs_IsNamedInWords()
    {
        var (code, _, stderr) = Run("validate", "--cases", Root, "--jobs", "x");
        Assert.That(code, Is.EqualTo(2));
        Assert.That(stderr, Is.EqualTo($"error: --jobs: 'x' is not a whole number{Environment.NewLine}"));
    }

    [Test]
    public void Simulate_OptionWithoutItsValue_SaysItNeedsOne()
    {
        var (code, _, stderr) = Run("simulate", "--case", ReferenceCases.Case("gemm_only"), "--seed");
        Assert.That(code, Is.EqualTo(2));
        Assert.That(stderr, Is.EqualTo($"error: --seed: needs a value{Environment.NewLine}"));
    }

    [TestCase("analyze")]
    [TestCase("simulate")]
    public void MissingInputFiles_AreAllNamedInOneLineUnderTheReadmeNames(string verb)
    {
        var (code, _, stderr) = Run(verb, "--arch", Path.Combine(ReferenceCases.Case("gemm_only"), "arch.yaml"));
        Assert.That(code, Is.EqualTo(2));
        Assert.That(stderr, Is.EqualTo($"error: missing required options --problem, --mapping, --constants (or --case DIR holding all four files){Environment.NewLine}"));
    }

    [Test]
    public void Plot_MissingOptions_AreAllNamedInOneLine()
    {
        var (code, _, stderr) = Run("plot");
        Assert.That(code, Is.EqualTo(2));
        Assert.That(stderr, Is.EqualTo($"error: missing required options --trace, --out{Environment.NewLine}"));
    }

    [Test]
    public void Analyze_FolderGivenForAFile_SaysItIsAFolder()
    {
        var gemm = ReferenceCases.Case("gemm_only");
        var (code, _, stderr) = Run("analyze", "--case", gemm, "--arch", Root);
        Assert.That(code, Is.EqualTo(2));
        Assert.That(stderr, Is.EqualTo($"error: {Path.GetFileName(Root)}: is a folder, not a file{Environment.NewLine}"));
    }

    [Test]
    public void Validate_FileGivenForCases_SaysItIsAFile()
    {
        var file = Path.Combine(Root, "cases.txt");
        File.WriteAllText(file, "x");
        var (code, _, stderr) = Run("validate", "--cases", file, "--out", Path.Combine(Root, "out"));
        Assert.That(code, Is.EqualTo(2));
        Assert.That(stderr, Is.EqualTo($"error: {file}: --cases: is a file, not a folder (give the folder whose sub-folders are the cases){Environment.NewLine}"));
    }

    [Test]
    public void Plot_FolderGivenForTheTrace_SaysItIsAFolderAndLeavesNoFolder()
    {
        var outFolder = Path.Combine(Root, "plots");
        var (code, stdout, stderr) = Run("plot", "--trace", Root, "--out", outFolder);
        Assert.That(code, Is.EqualTo(2));
        Assert.That(stderr, Is.EqualTo($"error: {Root}: is a folder, not a file (give the trace.csv written by 'comet simulate'){Environment.NewLine}"));
        Assert.That(stdout, Is.Empty);
        Assert.That(Directory.Exists(outFolder), Is.False);
    }

    [Test]
    public void Analyze_RandomBytesForAYamlFile_IsAYamlSyntaxErrorInWordsWithAPosition()
    {
        var arch = Path.Combine(Root, "arch.yaml");
        File.WriteAllBytes(arch, [.. "name: x\n"u8, 0xC3, 0x28, 0x9F, 0x00, 0xFF]);

        var (code, _, stderr) = Run("analyze", "--case", ReferenceCases.Case("gemm_only"), "--arch", arch);

        Assert.That(code, Is.EqualTo(2));
        Assert.That(stderr, Is.EqualTo($"error: arch.yaml:2:1: YAML syntax: not UTF-8 text (byte 0xC3); a YAML file is plain text, is this the right file?{Environment.NewLine}"));
    }

    [Test]
    public void Analyze_ControlCharactersInAYamlFile_AreAYamlSyntaxErrorAtTheirPosition()
    {
        var arch = Path.Combine(Root, "arch.yaml");
        File.WriteAllText(arch, "name: x\nab\u0001cd: 1\n");

        var (code, _, stderr) = Run("analyze", "--case", ReferenceCases.Case("gemm_only"), "--arch", arch);

        Assert.That(code, Is.EqualTo(2));
        Assert.That(stderr, Is.EqualTo($"error: arch.yaml:2:3: YAML syntax: control character U+0001 is not allowed in YAML; the file looks binary, not text{Environment.NewLine}"));
    }

    [TestCase("a: [1, 2\nb: c\n", "problem.yaml:1:6: YAML syntax: the text after this point cannot be read as YAML (look for an unclosed '[', '{' or quote)")]
    [TestCase("a: b\nc\nd: e\n", "problem.yaml:2:1: YAML syntax: expected a key here (check this line's indentation)")]
    [TestCase("a: b\n c: d\n", "problem.yaml:2:3: YAML syntax: a ':' inside a value (put the value in quotes, or check this line's indentation)")]
    [TestCase("- 1\n- 2\n", "problem.yaml:1:1: YAML syntax: expected a mapping of keys (such as 'name: value') at the top, found a list")]
    public void Analyze_BrokenYamlStructure_IsAYamlSyntaxErrorInWords(string text, string expected)
    {
        var problem = Path.Combine(Root, "problem.yaml");
        File.WriteAllText(problem, text);

        var (code, _, stderr) = Run("analyze", "--case", ReferenceCases.Case("gemm_only"), "--problem", problem);

        Assert.That(code, Is.EqualTo(2));
        Assert.That(stderr, Is.EqualTo($"error: {expected}{Environment.NewLine}"));
        Assert.That(stderr, Does.Not.Contain("Operation is not valid"));
    }

    private static (int Code, string Stdout, string Stderr) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = Program.Run(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }
}
