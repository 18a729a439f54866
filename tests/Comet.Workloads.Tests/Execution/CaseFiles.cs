using NUnit.Framework;
using Comet.Workloads.Inputs;
using Comet.Workloads.Tests.Inputs;

namespace Comet.Workloads.Tests.Execution;

/// <summary>Finds the reference input cases (examples/ in the repository, or ../shared/reference beside it).</summary>
public static class CaseFiles
{
    /// <summary>The folder of case <paramref name="name"/>, or null when it is not on this machine.</summary>
    public static string? Folder(string name)
    {
        var root = ReferencePaths.RepositoryRoot;
        string[] candidates =
        [
            Path.Combine(root, "examples", name),
            Path.Combine(root, "examples", "reference", name),
            ReferencePaths.Case(name),
        ];
        return candidates.FirstOrDefault(folder => File.Exists(Path.Combine(folder, "arch.yaml")));
    }

    /// <summary>Loads case <paramref name="name"/>, or marks the test inconclusive when absent.</summary>
    public static CometInputSet Load(string name)
    {
        var folder = Folder(name);
        if (folder is null)
        {
            Assert.Inconclusive($"case {name} is not available on this machine");
        }

        return CometInputLoader.LoadFolder(folder!);
    }
}
