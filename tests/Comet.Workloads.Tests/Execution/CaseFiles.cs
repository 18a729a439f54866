using NUnit.Framework;
using Comet.Workloads.Inputs;

namespace Comet.Workloads.Tests.Execution;

/// <summary>Finds the reference input cases (examples/ in the repository, or the shared reference folder).</summary>
public static class CaseFiles
{
    /// <summary>The folder of case <paramref name="name"/>, or null when it is not on this machine.</summary>
    public static string? Folder(string name)
    {
        var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory);
        while (dir is not null)
        {
            var example = Path.Combine(dir.FullName, "examples", name);
            if (File.Exists(Path.Combine(example, "arch.yaml")))
            {
                return example;
            }

            dir = dir.Parent;
        }

        var shared = Path.Combine("/work/shared/reference/cases", name);
        return File.Exists(Path.Combine(shared, "arch.yaml")) ? shared : null;
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
