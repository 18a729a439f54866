using Comet.Hardware.Inputs;
using Comet.Reports.Output;
using NUnit.Framework;

namespace Comet.Reports.Tests.Output;

public class OutputDirectoryTests : TempFolderTest
{
    [Test]
    public void Commit_MovesWrittenFilesIntoTheFinalFolder()
    {
        var final = Path.Combine(Root, "run1");
        using (var dir = OutputDirectory.Begin(final))
        {
            File.WriteAllText(dir.PathFor("trace.csv"), "a,b\n1,2\n");
            Assert.That(Directory.Exists(final), Is.False, "nothing appears at the final path before commit");
            dir.Commit(OutputFolders.Info());
            Assert.That(dir.IsCommitted, Is.True);
        }

        Assert.That(File.ReadAllText(Path.Combine(final, "trace.csv")), Is.EqualTo("a,b\n1,2\n"));
        Assert.That(Directory.GetFileSystemEntries(Root), Is.EqualTo(new[] { final }), "no temporary sibling is left");
    }

    [Test]
    public void Dispose_WithoutCommit_LeavesNothingBehind()
    {
        var final = Path.Combine(Root, "run1");
        string temp;
        using (var dir = OutputDirectory.Begin(final))
        {
            temp = dir.TempPath;
            File.WriteAllText(dir.PathFor("trace.csv"), "half");
            Assert.That(Directory.Exists(temp), Is.True);
        }

        Assert.That(Directory.Exists(temp), Is.False);
        Assert.That(Directory.Exists(final), Is.False);
        Assert.That(Directory.GetFileSystemEntries(Root), Is.Empty);
    }

    [Test]
    public void Dispose_WithoutCommit_KeepsTheOlderFolderUntouched()
    {
        var final = Path.Combine(Root, "run1");
        OutputFolders.WriteOutput(final, "summary.json");

        Assert.Throws<InvalidOperationException>(() =>
        {
            using var dir = OutputDirectory.Begin(final);
            File.WriteAllText(dir.PathFor("summary.json"), "new but failed");
            throw new InvalidOperationException("simulated failure mid-run");
        });

        Assert.That(File.ReadAllText(Path.Combine(final, "summary.json")), Is.EqualTo("old summary.json"));
        Assert.That(Directory.GetFileSystemEntries(Root), Is.EqualTo(new[] { final }));
    }

    [Test]
    public void Commit_ReplacesAnOlderCometOutputWhole()
    {
        var final = Path.Combine(Root, "run1");
        OutputFolders.WriteOutput(final, "stale.csv", "summary.json", "cases/a/summary.json");

        using (var dir = OutputDirectory.Begin(final))
        {
            File.WriteAllText(dir.PathFor("summary.json"), "new");
            dir.Commit(OutputFolders.Info());
        }

        Assert.That(File.ReadAllText(Path.Combine(final, "summary.json")), Is.EqualTo("new"));
        Assert.That(File.Exists(Path.Combine(final, "stale.csv")), Is.False, "files of the older run do not survive");
        Assert.That(Directory.Exists(Path.Combine(final, "cases")), Is.False);
        Assert.That(RunInfo.Read(Path.Combine(final, RunInfo.FileName)).Files, Is.EqualTo(new[] { "run-info.json", "summary.json" }));
        Assert.That(Directory.GetFileSystemEntries(Root), Is.EqualTo(new[] { final }));
    }

    [Test]
    public void Begin_CreatesMissingParentFolders()
    {
        var final = Path.Combine(Root, "a", "b", "run1");
        using (var dir = OutputDirectory.Begin(final))
        {
            File.WriteAllText(dir.PathFor("plots/timeline.png"), "x");
            dir.Commit(OutputFolders.Info());
        }

        Assert.That(File.ReadAllText(Path.Combine(final, "plots", "timeline.png")), Is.EqualTo("x"));
    }

    [Test]
    public void Begin_FinalPathIsAFile_RaisesInputErrorNamingThePath()
    {
        var final = Path.Combine(Root, "taken");
        File.WriteAllText(final, "I am a file");

        var e = Assert.Throws<InputException>(() => OutputDirectory.Begin(final))!;
        Assert.That(e.Message, Does.StartWith(final + ":"));
        Assert.That(e.Message, Does.Contain("is a file"));
        Assert.That(File.ReadAllText(final), Is.EqualTo("I am a file"));
        Assert.That(Directory.GetFileSystemEntries(Root), Is.EqualTo(new[] { final }), "no temporary folder is created");
    }

    [Test]
    public void Begin_ParentIsAFile_RaisesInputError()
    {
        var blocker = Path.Combine(Root, "blocker");
        File.WriteAllText(blocker, "x");
        Assert.Throws<InputException>(() => OutputDirectory.Begin(Path.Combine(blocker, "run1")));
    }

    [Test]
    public void PathFor_RejectsNamesLeavingTheFolder()
    {
        using var dir = OutputDirectory.Begin(Path.Combine(Root, "run1"));
        Assert.Throws<ArgumentException>(() => dir.PathFor("../escape.csv"));
        Assert.Throws<ArgumentException>(() => dir.PathFor("/etc/passwd"));
        Assert.That(dir.PathFor("ok.csv"), Is.EqualTo(Path.Combine(dir.TempPath, "ok.csv")));
    }

    [Test]
    public void TwoRunsOfTheSamePath_UseDistinctTemporaryFolders()
    {
        var final = Path.Combine(Root, "run1");
        using var first = OutputDirectory.Begin(final);
        using var second = OutputDirectory.Begin(final);
        Assert.That(first.TempPath, Is.Not.EqualTo(second.TempPath));
        Assert.That(Path.GetDirectoryName(first.TempPath), Is.EqualTo(Root), "the temporary folder is a sibling, so the move is a rename");
    }

    [Test]
    public void Commit_RecordsEveryFileWrittenInRunInfo()
    {
        var final = Path.Combine(Root, "run1");
        OutputFolders.WriteOutput(final, "trace.csv", "cases/b/summary.json", "cases/a/summary.json");
        Assert.That(RunInfo.Read(Path.Combine(final, RunInfo.FileName)).Files, Is.EqualTo(new[] { "cases/a/summary.json", "cases/b/summary.json", "run-info.json", "trace.csv" }));
    }

    [TestCase("")]
    [TestCase("/.")]
    [TestCase("/")]
    public void Begin_FolderWithAUserFileAndSubFolder_IsRefusedAndLeftIntact(string suffix)
    {
        var mine = Path.Combine(Root, "mine");
        var before = OutputFolders.UserFolder(mine);

        var e = Assert.Throws<InputException>(() => OutputDirectory.Begin(mine + suffix))!;

        Assert.That(e.Message, Is.EqualTo($"{mine}: folder is not empty and is not a Comet output; choose another --out").Or.EqualTo($"{mine}{suffix}: folder is not empty and is not a Comet output; choose another --out"));
        Assert.That(OutputFolders.Snapshot(mine), Is.EqualTo(before));
        Assert.That(Directory.GetFileSystemEntries(Root), Is.EqualTo(new[] { mine }), "no temporary folder is created");
    }

    [Test]
    public void Begin_TheCurrentFolderHoldingUserFiles_IsRefusedUnderItsFullName()
    {
        var mine = Path.Combine(Root, "mine");
        var before = OutputFolders.UserFolder(mine);
        var cwd = Directory.GetCurrentDirectory();
        try
        {
            Directory.SetCurrentDirectory(mine);
            var e = Assert.Throws<InputException>(() => OutputDirectory.Begin("."))!;
            Assert.That(e.Message, Is.EqualTo($"{Path.GetFullPath(mine)}: {OutputDirectory.NotCometOutputProblem}"));
        }
        finally
        {
            Directory.SetCurrentDirectory(cwd);
        }

        Assert.That(OutputFolders.Snapshot(mine), Is.EqualTo(before));
    }

    [Test]
    public void Begin_CometOutputWithAFileCometDidNotWrite_IsRefused()
    {
        var final = Path.Combine(Root, "run1");
        OutputFolders.WriteOutput(final, "summary.json");
        File.WriteAllText(Path.Combine(final, "my-notes.txt"), "keep me");

        var e = Assert.Throws<InputException>(() => OutputDirectory.Begin(final))!;

        Assert.That(e.Problem, Is.EqualTo(OutputDirectory.NotCometOutputProblem));
        Assert.That(File.ReadAllText(Path.Combine(final, "my-notes.txt")), Is.EqualTo("keep me"));
    }

    [Test]
    public void Begin_CometOutputWithAnExtraSubFolder_IsRefused()
    {
        var final = Path.Combine(Root, "run1");
        OutputFolders.WriteOutput(final, "cases/a/summary.json");
        Directory.CreateDirectory(Path.Combine(final, "cases", "mine"));
        Assert.That(OutputDirectory.IsReplaceable(final), Is.False);
        Directory.Delete(Path.Combine(final, "cases", "mine"));
        Assert.That(OutputDirectory.IsReplaceable(final), Is.True);
    }

    [Test]
    public void Begin_RunInfoThatIsNotComets_IsNotTakenForACometOutput()
    {
        var final = Path.Combine(Root, "run1");
        Directory.CreateDirectory(final);
        File.WriteAllText(Path.Combine(final, "summary.json"), "x");
        File.WriteAllText(Path.Combine(final, RunInfo.FileName), "not json");
        Assert.That(OutputDirectory.IsReplaceable(final), Is.False);
        File.WriteAllText(Path.Combine(final, RunInfo.FileName), "[1, 2]");
        Assert.That(OutputDirectory.IsReplaceable(final), Is.False);
    }

    [Test]
    public void Begin_OutputOfAnEarlierCometWithoutAFileList_IsReplacedOnlyWhenItHoldsWhatCometWroteThen()
    {
        var final = Path.Combine(Root, "validation");
        Directory.CreateDirectory(Path.Combine(final, "cases", "ex_base"));
        var earlier = RunInfo.Capture("validate", [], DateTimeOffset.UtcNow);
        earlier.Write(Path.Combine(final, RunInfo.FileName));
        Assert.That(File.ReadAllText(Path.Combine(final, RunInfo.FileName)), Does.Contain("\"files\": null"));
        foreach (var name in new[] { "validation.csv", "validation.png", Path.Combine("cases", "ex_base", "summary.json") })
        {
            File.WriteAllText(Path.Combine(final, name), "old");
        }

        Assert.That(OutputDirectory.IsReplaceable(final), Is.True);
        File.WriteAllText(Path.Combine(final, "cases", "ex_base", "notes.txt"), "mine");
        Assert.That(OutputDirectory.IsReplaceable(final), Is.False);
    }

    [Test]
    public void Begin_AnEmptyFolder_IsReplaced()
    {
        var final = Path.Combine(Root, "empty");
        Directory.CreateDirectory(final);
        using (var dir = OutputDirectory.Begin(final))
        {
            File.WriteAllText(dir.PathFor("summary.json"), "new");
            dir.Commit(OutputFolders.Info());
        }

        Assert.That(Directory.GetFiles(final).Select(Path.GetFileName).Order(), Is.EqualTo(new[] { "run-info.json", "summary.json" }));
    }

    [Test]
    public void Commit_UserFileAppearsDuringTheRun_IsRefusedAndNothingIsMoved()
    {
        var final = Path.Combine(Root, "run1");
        var dir = OutputDirectory.Begin(final);
        File.WriteAllText(dir.PathFor("summary.json"), "new");
        Directory.CreateDirectory(final);
        File.WriteAllText(Path.Combine(final, "mine.txt"), "mine");

        var e = Assert.Throws<InputException>(() => dir.Commit(OutputFolders.Info()))!;
        dir.Dispose();

        Assert.That(e.Message, Is.EqualTo($"{final}: {OutputDirectory.NotCometOutputProblem}"));
        Assert.That(e.Message, Does.Not.Contain(".comet-"), "the temporary folder's name never appears");
        Assert.That(Directory.GetFileSystemEntries(final), Is.EqualTo(new[] { Path.Combine(final, "mine.txt") }));
        Assert.That(Directory.GetFileSystemEntries(Root), Is.EqualTo(new[] { final }));
    }

    [Test]
    public void Commit_AddToExisting_KeepsTheEarlierFilesAndListsBoth()
    {
        var final = Path.Combine(Root, "run1");
        OutputFolders.WriteOutput(final, "trace.csv", "timeline.png");
        using (var dir = OutputDirectory.Begin(final, addToExisting: true))
        {
            File.WriteAllText(dir.PathFor("timeline.png"), "new png");
            File.WriteAllText(dir.PathFor("timeline.svg"), "new svg");
            dir.Commit(OutputFolders.Info("plot"));
        }

        Assert.That(File.ReadAllText(Path.Combine(final, "trace.csv")), Is.EqualTo("old trace.csv"));
        Assert.That(File.ReadAllText(Path.Combine(final, "timeline.png")), Is.EqualTo("new png"));
        var info = RunInfo.Read(Path.Combine(final, RunInfo.FileName));
        Assert.That(info.Command, Is.EqualTo("test"), "the folder keeps the record of the run that made it");
        Assert.That(info.Files, Is.EqualTo(new[] { "run-info.json", "timeline.png", "timeline.svg", "trace.csv" }));
        Assert.That(OutputDirectory.IsReplaceable(final), Is.True, "what was added is listed, so the folder is still a Comet output");
        Assert.That(Directory.GetFileSystemEntries(Root), Is.EqualTo(new[] { final }));
    }
}
