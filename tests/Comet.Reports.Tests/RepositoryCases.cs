using System.Runtime.CompilerServices;
using Comet.Workloads.Inputs;
using NUnit.Framework;

namespace Comet.Reports.Tests;

/// <summary>Finds the input cases: examples/ and examples/reference in the repository, else ../shared/reference/cases beside it.</summary>
internal static class RepositoryCases
{
    /// <summary>The folder holding Comet.sln (up from the test directory or, built out of tree, this source file).</summary>
    public static string RepositoryRoot =>
        FindUp(TestContext.CurrentContext.TestDirectory) ?? FindUp(Path.GetDirectoryName(SourceFile())!)
        ?? throw new DirectoryNotFoundException("Comet.sln not found above " + TestContext.CurrentContext.TestDirectory);

    /// <summary>../shared/reference/cases beside the repository.</summary>
    public static string SharedCasesRoot => Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared", "reference", "cases"));

    /// <summary>The folder of case <paramref name="name"/>, or the shared case's path when no copy is found.</summary>
    public static string Case(string name)
    {
        string[] candidates =
        [
            Path.Combine(RepositoryRoot, "examples", name),
            Path.Combine(RepositoryRoot, "examples", "reference", name),
            Path.Combine(SharedCasesRoot, name),
        ];
        return candidates.FirstOrDefault(folder => File.Exists(Path.Combine(folder, "arch.yaml"))) ?? candidates[^1];
    }

    /// <summary>Loads case <paramref name="name"/>, or marks the test inconclusive when it is not on this machine.</summary>
    public static CometInputSet Load(string name)
    {
        var folder = Case(name);
        if (!File.Exists(Path.Combine(folder, "arch.yaml")))
        {
            Assert.Inconclusive($"case {name} is not available on this machine");
        }

        return CometInputLoader.LoadFolder(folder);
    }

    private static string? FindUp(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Comet.sln")))
            {
                return dir.FullName;
            }
        }

        return null;
    }

    private static string SourceFile([CallerFilePath] string path = "") => path;
}
