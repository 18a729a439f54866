using System.Runtime.CompilerServices;
using NUnit.Framework;

namespace Comet.Tests.Shared;

/// <summary>Finds the shared reference cases: up from the test directory (or, built out of tree, this source file) to the folder holding Comet.sln, then ../shared/reference.</summary>
internal static class ReferenceCases
{
    /// <summary>The folder holding Comet.sln.</summary>
    public static string RepositoryRoot =>
        FindUp(TestContext.CurrentContext.TestDirectory) ?? FindUp(Path.GetDirectoryName(SourceFile())!)
        ?? throw new DirectoryNotFoundException("Comet.sln not found above " + TestContext.CurrentContext.TestDirectory);

    /// <summary>../shared/reference/cases beside the repository.</summary>
    public static string CasesRoot => Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared", "reference", "cases"));

    /// <summary>One case folder.</summary>
    public static string Case(string name) => Path.Combine(CasesRoot, name);

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
