using System.Runtime.CompilerServices;
using NUnit.Framework;

namespace Comet.Workloads.Tests.Inputs;

/// <summary>Locates the shared reference cases and the repository from the test directory.</summary>
public static class ReferencePaths
{
    /// <summary>The folder holding Comet.sln.</summary>
    public static string RepositoryRoot
    {
        get
        {
            var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Comet.sln")))
            {
                dir = dir.Parent;
            }

            if (dir is null)
            {
                // Built out of tree (COMET_ARTIFACTS): fall back to this source file's ancestors.
                dir = new DirectoryInfo(Path.GetDirectoryName(SourceFile())!);
                while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Comet.sln")))
                {
                    dir = dir.Parent;
                }
            }

            return dir?.FullName ?? throw new DirectoryNotFoundException("Comet.sln not found above " + TestContext.CurrentContext.TestDirectory);
        }
    }

    private static string SourceFile([CallerFilePath] string path = "") => path;

    /// <summary>../shared/reference next to the repository.</summary>
    public static string ReferenceRoot => Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared", "reference"));

    /// <summary>A reference case folder.</summary>
    public static string Case(string name) => Path.Combine(ReferenceRoot, "cases", name);
}
