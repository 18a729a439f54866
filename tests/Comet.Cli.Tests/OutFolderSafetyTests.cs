using Comet.Reports.Output;
using NUnit.Framework;

namespace Comet.Cli.Tests;

/// <summary><c>--out</c> through the real command line: a folder holding anything Comet did not write is refused and left as it was, whatever the verb.</summary>
public class OutFolderSafetyTests : TempFolderTest
{
    /// <summary>The command line of each verb that writes a folder, with <c>{out}</c> where the folder goes.</summary>
    public static IEnumerable<TestCaseData> WritingVerbs()
    {
        var gemm = ReferenceCases.Case("gemm_only");
        yield return new TestCaseData((object)new[] { "run", "--trace", "none", "--out", "{out}" }).SetName("run");
        yield return new TestCaseData((object)new[] { "simulate", "--case", gemm, "--trace", "none", "--out", "{out}" }).SetName("simulate");
        yield return new TestCaseData((object)new[] { "validate", "--cases", ReferenceCases.CasesRoot, "--out", "{out}" }).SetName("validate");
        yield return new TestCaseData((object)new[] { "calibrate", "--cases", ReferenceCases.CasesRoot, "--out", "{out}" }).SetName("calibrate");
        yield return new TestCaseData((object)new[] { "plot", "--trace", "{trace}", "--out", "{out}" }).SetName("plot");
    }

    [TestCaseSource(nameof(WritingVerbs))]
    public void Out_FolderOfTheUsersOwn_IsRefusedInOneLineAndLeftIntact(string[] command)
    {
        var mine = Path.Combine(Root, "mine");
        var before = OutputFolders.UserFolder(mine);

        var (code, stdout, stderr) = Run(command, mine);

        Assert.That(code, Is.EqualTo(2), stderr);
        Assert.That(stderr, Is.EqualTo($"error: {mine}: folder is not empty and is not a Comet output; choose another --out{Environment.NewLine}"));
        Assert.That(stdout, Does.Not.Contain("wrote"));
        Assert.That(OutputFolders.Snapshot(mine), Is.EqualTo(before), "the user's file and sub-folder are untouched");
        Assert.That(Directory.GetFileSystemEntries(Root).Select(Path.GetFileName).Order(), Is.EqualTo(new[] { "mine", "trace.csv" }), "no temporary folder is left");
    }

    [Test]
    public void Simulate_OutDotInAFolderOfTheUsersOwn_IsRefusedAndLeftIntact()
    {
        var mine = Path.Combine(Root, "mine");
        var before = OutputFolders.UserFolder(mine);
        var cwd = Directory.GetCurrentDirectory();
        (int Code, string Stdout, string Stderr) result;
        try
        {
            Directory.SetCurrentDirectory(mine);
            result = Run(["simulate", "--case", ReferenceCases.Case("gemm_only"), "--trace", "none", "--out", "."], ".");
        }
        finally
        {
            Directory.SetCurrentDirectory(cwd);
        }

        Assert.That(result.Code, Is.EqualTo(2), result.Stderr);
        Assert.That(result.Stderr, Is.EqualTo($"error: {Path.GetFullPath(mine)}: {OutputDirectory.NotCometOutputProblem}{Environment.NewLine}"));
        Assert.That(OutputFolders.Snapshot(mine), Is.EqualTo(before));
    }

    [Test]
    public void Simulate_OutIsAPreviousOutput_ReplacesIt()
    {
        var run = Path.Combine(Root, "run");
        string[] command = ["simulate", "--case", ReferenceCases.Case("gemm_only"), "--trace", "summary", "--out", "{out}"];
        var first = Run(command, run);
        Assert.That(first.Code, Is.Zero, first.Stderr);
        Assert.That(File.Exists(Path.Combine(run, "trace.csv")), Is.True);

        var second = Run([.. command[..^3], "none", "--out", "{out}"], run);

        Assert.That(second.Code, Is.Zero, second.Stderr);
        Assert.That(Directory.GetFiles(run).Select(Path.GetFileName).Order(), Is.EqualTo(new[] { "run-info.json", "summary.json" }), "the older trace went with the older run");
        Assert.That(second.Stdout + second.Stderr, Does.Not.Contain(".comet-"), "a temporary folder's name never appears in a message");
        Assert.That(Directory.GetFileSystemEntries(Root).Select(Path.GetFileName).Order(), Is.EqualTo(new[] { "run", "trace.csv" }));
    }

    [Test]
    public void Plot_IntoTheRunFolderItCameFrom_KeepsTheTraceAndPrintsWrote()
    {
        var run = Path.Combine(Root, "run");
        var first = Run(["simulate", "--case", ReferenceCases.Case("gemm_only"), "--trace", "summary", "--out", "{out}"], run);
        Assert.That(first.Code, Is.Zero, first.Stderr);
        var trace = Path.Combine(run, "trace.csv");
        var traceBytes = File.ReadAllBytes(trace);

        var (code, stdout, stderr) = Run(["plot", "--trace", trace, "--out", "{out}"], run);

        Assert.That(code, Is.Zero, stderr);
        Assert.That(stdout, Is.EqualTo($"wrote {Path.Combine(run, "timeline.png")}{Environment.NewLine}wrote {Path.Combine(run, "timeline.svg")}{Environment.NewLine}"));
        Assert.That(File.ReadAllBytes(trace), Is.EqualTo(traceBytes));
        Assert.That(OutputDirectory.IsReplaceable(run), Is.True);
    }

    private (int Code, string Stdout, string Stderr) Run(string[] command, string outFolder)
    {
        var trace = Path.Combine(Root, "trace.csv");
        if (!File.Exists(trace))
        {
            SyntheticTrace.Write(trace, clusters: 1, tiles: 2);
        }

        var args = command.Select(a => a.Replace("{out}", outFolder, StringComparison.Ordinal).Replace("{trace}", trace, StringComparison.Ordinal)).ToArray();
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = Program.Run(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }
}
