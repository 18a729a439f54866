using Comet.Reports.Output;
using NUnit.Framework;

namespace Comet.Cli.Tests;

/// <summary>Exit codes like a Unix tool: 0 ok, 1 internal, 2 bad input, 130 interrupted (with complete files marked cancelled).</summary>
public class ExitCodeTests : TempFolderTest
{
    [Test]
    public void Simulate_Interrupted_Exits130WithCompleteFilesMarkedCancelledAndOneLineSayingSo()
    {
        var run = Path.Combine(Root, "run");
        var stdout = new StringWriter();
        var stderr = new StringWriter();

        // An interrupt that has already happened stands for a Ctrl-C pressed before the first event.
        var code = Program.Run(["simulate", "--case", ReferenceCases.Case("gemm_only"), "--out", run], stdout, stderr, new CancellationToken(canceled: true));

        Assert.That(code, Is.EqualTo(130), stderr.ToString());
        Assert.That(stderr.ToString(), Is.Empty);
        Assert.That(stdout.ToString().Split('\n').Count(l => l.StartsWith("stopped by Ctrl-C", StringComparison.Ordinal)), Is.EqualTo(1));
        Assert.That(RunInfo.Read(Path.Combine(run, RunInfo.FileName)).Cancelled, Is.True);
        using var summary = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(run, "summary.json")));
        Assert.That(summary.RootElement.ValueKind, Is.EqualTo(System.Text.Json.JsonValueKind.Object));
    }

    [Test]
    public void Simulate_NotInterrupted_ExitsZero()
    {
        var code = Program.Run(["simulate", "--case", ReferenceCases.Case("gemm_only"), "--trace", "none", "--out", Path.Combine(Root, "run")], new StringWriter(), new StringWriter(), CancellationToken.None);
        Assert.That(code, Is.Zero);
        Assert.That(RunInfo.Read(Path.Combine(Root, "run", RunInfo.FileName)).Cancelled, Is.False);
    }

    [Test]
    public void Validate_Interrupted_Exits130AndSaysSoInOneLine()
    {
        var cases = Path.Combine(Root, "cases");
        ValidateCaseFolders.Copy(cases, ValidateCaseFolders.SmallCases);
        var stdout = new StringWriter();
        var stderr = new StringWriter();

        var code = Program.Run(["validate", "--cases", cases, "--out", Path.Combine(Root, "out")], stdout, stderr, new CancellationToken(canceled: true));

        Assert.That(code, Is.EqualTo(130), stderr.ToString());
        Assert.That(stderr.ToString().Split('\n').Count(l => l.StartsWith("stopped by Ctrl-C", StringComparison.Ordinal)), Is.EqualTo(1));
        Assert.That(RunInfo.Read(Path.Combine(Root, "out", RunInfo.FileName)).Cancelled, Is.True);
    }

    [Test]
    public void Help_ListsTheExitCodes()
    {
        var stdout = new StringWriter();
        var code = Program.Run(["--help"], stdout, new StringWriter());
        Assert.That(code, Is.Zero);
        Assert.That(stdout.ToString(), Does.Contain("Exit codes: 0 ok, 1 internal error (a Comet bug), 2 bad input (one 'error:' line), 130 interrupted by Ctrl-C"));
    }
}
