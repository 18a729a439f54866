using Comet.Cli.Output;
using Comet.Hardware.Inputs;
using NUnit.Framework;

namespace Comet.Cli.Tests;

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
            dir.Commit();
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
        Directory.CreateDirectory(final);
        File.WriteAllText(Path.Combine(final, "summary.json"), "old");

        Assert.Throws<InvalidOperationException>(() =>
        {
            using var dir = OutputDirectory.Begin(final);
            File.WriteAllText(dir.PathFor("summary.json"), "new but failed");
            throw new InvalidOperationException("simulated failure mid-run");
        });

        Assert.That(File.ReadAllText(Path.Combine(final, "summary.json")), Is.EqualTo("old"));
        Assert.That(Directory.GetFileSystemEntries(Root), Is.EqualTo(new[] { final }));
    }

    [Test]
    public void Commit_ReplacesAnOlderFolderWhole()
    {
        var final = Path.Combine(Root, "run1");
        Directory.CreateDirectory(final);
        File.WriteAllText(Path.Combine(final, "stale.csv"), "old");
        File.WriteAllText(Path.Combine(final, "summary.json"), "old");

        using (var dir = OutputDirectory.Begin(final))
        {
            File.WriteAllText(dir.PathFor("summary.json"), "new");
            dir.Commit();
        }

        Assert.That(File.ReadAllText(Path.Combine(final, "summary.json")), Is.EqualTo("new"));
        Assert.That(File.Exists(Path.Combine(final, "stale.csv")), Is.False, "files of the older run do not survive");
        Assert.That(Directory.GetFileSystemEntries(Root), Is.EqualTo(new[] { final }));
    }

    [Test]
    public void Begin_CreatesMissingParentFolders()
    {
        var final = Path.Combine(Root, "a", "b", "run1");
        using (var dir = OutputDirectory.Begin(final))
        {
            File.WriteAllText(dir.PathFor("plots/timeline.png"), "x");
            dir.Commit();
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
}
