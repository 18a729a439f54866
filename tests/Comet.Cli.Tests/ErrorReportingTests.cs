using System.Text.RegularExpressions;
using Comet.Fuzzing;
using NUnit.Framework;

namespace Comet.Cli.Tests;

/// <summary>Broken inputs through the real command line: exit code 2, one <c>error: file:line:col: key: what</c> line, no stack trace, nothing written.</summary>
public partial class ErrorReportingTests
{
    /// <summary>The verbs that take the four COMET files.</summary>
    private static readonly string[] Verbs = ["analyze", "simulate"];

    private string _root = null!;

    [SetUp]
    public void SetUp()
    {
        _root = Path.Combine(Path.GetTempPath(), "comet-errors-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_root);
    }

    [TearDown]
    public void TearDown()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    public static IEnumerable<TestCaseData> Cases()
    {
        ErrorCase[] cases =
        [
            new("YamlSyntaxError", "ex_base", [("arch.yaml", "      depth: 8192", "      depth: 8192: 2")], "arch.yaml", "depth: 8192: 2", "YAML syntax", "a ':' inside a value"),
            new("WrongValueType", "ex_base", [("arch.yaml", "      depth: 4096\n      ports: 1\n      doublebuffered: true\n      parent_write_bw: 128\n      child_read_bw: 128\n      parent_read_energy", "      depth: lots\n      ports: 1\n      doublebuffered: true\n      parent_write_bw: 128\n      child_read_bw: 128\n      parent_read_energy")], "arch.yaml", "depth: lots", "depth", "lots"),
            new("UnknownKeyWithHint", "ex_base", [("arch.yaml", "      computeLatency: 2 ", "      computeLatncy: 2 ")], "arch.yaml", "computeLatncy", "computeLatncy", "did you mean 'computeLatency'?"),
            new("UnknownLevelWithHint", "ex_base", [("mapping.yaml", " target:      [DRAM,DRAM,DRAM]\n type:        temporal", " target:      [DRAM,DRAM,DRAMM]\n type:        temporal")], "mapping.yaml", "DRAMM", "target", "did you mean 'DRAM'?"),
            new("UnresolvedConstant", "ex_base", [("const.yaml", "  MA_DRAM:  4\n", string.Empty)], "mapping.yaml", "M=[MA_DRAM,MA_DRAM,MD_DRAM]", "factors", "MA_DRAM"),
            new("FactorsDoNotDivide", "ex_base", [("const.yaml", "  MA_DRAM:  4", "  MA_DRAM:  3")], "mapping.yaml", null, "factors", "divide"),
            new("TileLargerThanBuffer", "ex_base", [("arch.yaml", "  - name: InputBuffer\n    class: SRAM\n    attributes:\n      width: 128\n      depth: 4096", "  - name: InputBuffer\n    class: SRAM\n    attributes:\n      width: 128\n      depth: 16")], "mapping.yaml", null, null, "IBuffer"),
            new("ZeroBandwidth", "ex_base", [("arch.yaml", "      bw: 1024 ", "      bw: 0 ")], "arch.yaml", "bw: 0 ", "bw", "positive"),
            new("NegativeBandwidth", "ex_base", [("arch.yaml", "      child_read_bw: 32 ", "      child_read_bw: -32 ")], "arch.yaml", "child_read_bw: -32", "child_read_bw", "positive"),
            new("CollectiveOnLevelWithoutLinks", "ex_base", [("arch.yaml", "              link_transfers: true\n              bw: 128\n              queuing_delay: 2\n            drains:", "              link_transfers: false\n              bw: 128\n              queuing_delay: 2\n            drains:")], "mapping.yaml", "target:       OBuffer", "target", "link"),
            new("SelfReferencingHierarchy", "ex_base", [("arch.yaml", "          - name: IBuffer[0..3]", "          - name: GBuffer[0..3]")], "arch.yaml", "- name: GBuffer[0..3]\n            type: InputBuffer", "name", "contains itself"),
            new("EmptyMapping", "ex_base", [("mapping.yaml", null, "mapping:\n")], "mapping.yaml", null, "mapping", "empty"),
            new("ValueOverflows64Bits", "ex_base", [("problem.yaml", "    K: 4096", "    K: 99999999999999999999")], "problem.yaml", "K: 99999999999999999999", "K", "overflows 64 bits"),
            new("ReferenceBadDimProduct", "ex_x_bad_dim_product", [], "mapping.yaml", null, "factors", "N"),
            new("ReferenceIbTooSmall", "ex_x_ib_too_small", [], "mapping.yaml", null, null, "IBuffer"),
            new("ReferenceObNoLink", "ex_x_ob_no_link", [], "mapping.yaml", null, null, "link"),
        ];
        foreach (var verb in Verbs)
        {
            foreach (var c in cases)
            {
                yield return new TestCaseData(verb, c).SetName($"{verb}_{c.Name}");
            }
        }
    }

    [TestCaseSource(nameof(Cases))]
    public void BrokenInput_OneErrorLineNamingFileLineAndKey(string verb, ErrorCase c)
    {
        var folder = Path.Combine(_root, "inputs");
        var paths = CopyCase(c.BaseCase, folder);
        foreach (var (file, find, replace) in c.Edits)
        {
            var path = paths[file];
            var text = File.ReadAllText(path);
            if (find is null)
            {
                text = replace;
            }
            else
            {
                Assert.That(Regex.Matches(text, Regex.Escape(find)), Has.Count.EqualTo(1), $"the edit '{find}' must match {file} exactly once");
                text = text.Replace(find, replace, StringComparison.Ordinal);
            }

            File.WriteAllText(path, text);
        }

        var (code, stdout, stderr, outFolder) = Run(verb, paths);

        var error = AssertOneErrorLine(code, stderr, outFolder);
        Assert.That(error.Groups["file"].Value, Is.EqualTo(c.File), stderr);
        if (c.LineOf is not null)
        {
            var expected = LineOf(File.ReadAllText(paths[c.File]), c.LineOf);
            Assert.That(error.Groups["line"].Success, Is.True, $"the error has a position: {stderr}");
            Assert.That(int.Parse(error.Groups["line"].Value, System.Globalization.CultureInfo.InvariantCulture), Is.EqualTo(expected), stderr);
        }

        if (c.Key is not null)
        {
            Assert.That(error.Groups["key"].Value, Does.Contain(c.Key), stderr);
        }

        Assert.That(error.Groups["what"].Value + error.Groups["key"].Value, Does.Contain(c.What), stderr);
        Assert.That(stdout, Does.Not.Contain("   at "), "no stack trace on stdout either");
    }

    [TestCaseSource(nameof(VerbNames))]
    public void MissingFile_NamesTheFile(string verb)
    {
        var paths = CopyCase("ex_base", Path.Combine(_root, "inputs"));
        paths["arch.yaml"] = Path.Combine(_root, "inputs", "no-such-arch.yaml");
        var (code, _, stderr, outFolder) = Run(verb, paths);
        var error = AssertOneErrorLine(code, stderr, outFolder);
        Assert.That(error.Groups["file"].Value, Is.EqualTo("no-such-arch.yaml"), stderr);
        Assert.That(error.Groups["what"].Value, Does.Contain("not found"), stderr);
    }

    [TestCaseSource(nameof(VerbNames))]
    public void UnreadableFile_NamesTheFile(string verb)
    {
        var paths = CopyCase("ex_base", Path.Combine(_root, "inputs"));

        // A folder where a file is expected cannot be read, even by root (a chmod 000 file can be).
        var folderNotFile = Path.Combine(_root, "inputs", "problem-folder.yaml");
        Directory.CreateDirectory(folderNotFile);
        paths["problem.yaml"] = folderNotFile;
        var (code, _, stderr, outFolder) = Run(verb, paths);
        var error = AssertOneErrorLine(code, stderr, outFolder);
        Assert.That(error.Groups["file"].Value, Is.EqualTo("problem-folder.yaml"), stderr);
        Assert.That(error.Groups["what"].Value, Is.EqualTo("is a folder, not a file"), stderr);
    }

    [TestCaseSource(nameof(WritingVerbNames))]
    public void OutPathIsAFile_IsAnInputError(string verb)
    {
        var paths = CopyCase("ex_base", Path.Combine(_root, "inputs"));
        var blocker = Path.Combine(_root, "out");
        File.WriteAllText(blocker, "not a folder");
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = CometCli.Run(Arguments(verb, paths, blocker), stdout, stderr);
        Assert.That(code, Is.EqualTo(2), stderr.ToString());
        Assert.That(stderr.ToString().TrimEnd('\n').Split('\n'), Has.Length.EqualTo(1));
        Assert.That(stderr.ToString(), Does.StartWith($"error: {blocker}:"));
        Assert.That(File.ReadAllText(blocker), Is.EqualTo("not a folder"));
    }

    public static IEnumerable<string> VerbNames() => Verbs;

    public static IEnumerable<string> WritingVerbNames() => ["simulate"];

    internal static Dictionary<string, string> CopyCase(string name, string folder)
    {
        Directory.CreateDirectory(folder);
        var paths = new Dictionary<string, string>();
        foreach (var file in new[] { "arch.yaml", "problem.yaml", "mapping.yaml", "const.yaml" })
        {
            var path = Path.Combine(folder, file);
            File.Copy(Path.Combine(ReferenceCases.Case(name), file), path);
            paths[file] = path;
        }

        return paths;
    }

    internal static string[] Arguments(string verb, IReadOnlyDictionary<string, string> paths, string outFolder) =>
    [
        verb,
        "--arch", paths["arch.yaml"],
        "--problem", paths["problem.yaml"],
        "--mapping", paths["mapping.yaml"],
        "--constants", paths["const.yaml"],
        .. FuzzRunner.WritesFiles(verb) ? new[] { "--out", outFolder } : [],
    ];

    private (int Code, string Stdout, string Stderr, string OutFolder) Run(string verb, IReadOnlyDictionary<string, string> paths)
    {
        var outFolder = Path.Combine(_root, "out");
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = CometCli.Run(Arguments(verb, paths, outFolder), stdout, stderr);
        TestContext.Out.WriteLine(stderr.ToString());
        return (code, stdout.ToString(), stderr.ToString(), outFolder);
    }

    private Match AssertOneErrorLine(int code, string stderr, string outFolder)
    {
        Assert.That(code, Is.EqualTo(2), $"exit code of an input error; stderr: {stderr}");
        var lines = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.That(lines, Has.Length.EqualTo(1), "exactly one line on stderr");
        Assert.That(stderr, Does.Not.Contain("   at ").And.Not.Contain("Exception"), "no stack trace, no exception name");
        Assert.That(Directory.Exists(outFolder), Is.False, "nothing is written on an input error");
        Assert.That(Directory.GetFileSystemEntries(_root).Select(Path.GetFileName), Is.EquivalentTo(new[] { "inputs" }), "no temporary folder is left behind");
        var match = ErrorLine().Match(lines[0].TrimEnd('\r'));
        Assert.That(match.Success, Is.True, $"'{lines[0]}' has the form error: file[:line:col]: [key:] what");
        return match;
    }

    private static int LineOf(string text, string fragment)
    {
        var at = text.IndexOf(fragment, StringComparison.Ordinal);
        Assert.That(at, Is.GreaterThanOrEqualTo(0), $"'{fragment}' is in the edited file");
        return text[..at].Count(ch => ch == '\n') + 1;
    }

    [GeneratedRegex(@"^error: (?<file>[^:]+)(:(?<line>\d+):(?<col>\d+))?:( (?<key>[^ :][^:]*):)? (?<what>.+)$")]
    private static partial Regex ErrorLine();
}
