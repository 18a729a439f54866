using Comet.Reports.Output;
using NUnit.Framework;

namespace Comet.Cli.Tests;

/// <summary>Same inputs, options and seed give byte-identical output; only run-info.json may differ.</summary>
public class DeterminismTests : TempFolderTest
{
    [Test]
    public void Analyze_Twice_PrintsTheSameBytes()
    {
        var paths = ErrorReportingTests.CopyCase("ex_base", Path.Combine(Root, "inputs"));
        var first = Run(ErrorReportingTests.Arguments("analyze", paths, string.Empty));
        var second = Run(ErrorReportingTests.Arguments("analyze", paths, string.Empty));
        Assert.That(first.Code, Is.Zero, first.Stderr);
        Assert.That(first.Stdout, Is.Not.Empty);
        Assert.That(second.Stdout, Is.EqualTo(first.Stdout));
    }

    [Test]
    public void SimulateTwice_WritesByteIdenticalFilesExceptRunInfo()
    {
        var paths = ErrorReportingTests.CopyCase("gemm_only", Path.Combine(Root, "inputs"));
        var a = Path.Combine(Root, "a");
        var b = Path.Combine(Root, "b");
        var first = Run([.. ErrorReportingTests.Arguments("simulate", paths, a), "--trace", "full"]);
        var second = Run([.. ErrorReportingTests.Arguments("simulate", paths, b), "--trace", "full"]);
        Assert.That(first.Code, Is.Zero, first.Stderr);
        Assert.That(second.Code, Is.Zero, second.Stderr);

        var files = Files(a);
        Assert.That(files, Does.Contain("trace.csv"));
        Assert.That(files, Does.Contain(RunInfo.FileName));
        Assert.That(Files(b), Is.EqualTo(files));
        foreach (var file in files.Where(f => f != RunInfo.FileName))
        {
            Assert.That(File.ReadAllBytes(Path.Combine(b, file)), Is.EqualTo(File.ReadAllBytes(Path.Combine(a, file))), $"{file} differs between two identical runs");
        }
    }

    private static List<string> Files(string folder) =>
        Directory.GetFiles(folder, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(folder, f)).Order(StringComparer.Ordinal).ToList();

    private static (int Code, string Stdout, string Stderr) Run(string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = CometCli.Run(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }
}
