using Comet.Reports.Output;

namespace Comet.Tests.Shared;

/// <summary>Output folders for tests: Comet outputs holding given files, and folders of a user's own with their snapshots.</summary>
internal static class OutputFolders
{
    /// <summary>A run-info record for tests.</summary>
    public static RunInfo Info(string command = "test") => RunInfo.Capture(command, [], DateTimeOffset.UtcNow);

    /// <summary>Writes a Comet output at <paramref name="final"/> holding the named files (each containing "old NAME").</summary>
    public static void WriteOutput(string final, params string[] names)
    {
        using var dir = OutputDirectory.Begin(final);
        foreach (var name in names)
        {
            File.WriteAllText(dir.PathFor(name), $"old {name}");
        }

        dir.Commit(Info());
    }

    /// <summary>Makes a folder of a user's own: a file and a sub-folder holding a file; returns its snapshot.</summary>
    public static string[] UserFolder(string folder)
    {
        Directory.CreateDirectory(Path.Combine(folder, "thesis"));
        File.WriteAllText(Path.Combine(folder, "notes.txt"), "my notes");
        File.WriteAllText(Path.Combine(folder, "thesis", "chapter1.tex"), "my chapter");
        return Snapshot(folder);
    }

    /// <summary>Every entry under <paramref name="folder"/> with the content of each file, sorted.</summary>
    public static string[] Snapshot(string folder) =>
        Directory.GetFileSystemEntries(folder, "*", SearchOption.AllDirectories)
            .Select(p => File.Exists(p) ? $"{Path.GetRelativePath(folder, p)}={File.ReadAllText(p)}" : Path.GetRelativePath(folder, p) + "/")
            .Order(StringComparer.Ordinal)
            .ToArray();
}
