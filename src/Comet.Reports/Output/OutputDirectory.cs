using Comet.Hardware.Inputs;

namespace Comet.Reports.Output;

/// <summary>An atomic run folder: files are written into a temporary sibling folder that replaces the final folder only on <see cref="Commit"/>.</summary>
/// <remarks>
/// Disposing without committing deletes the temporary folder, so a failed or cancelled run leaves no half-written
/// output and never disturbs an older folder of the same path. An existing folder is replaced only when it is empty or
/// holds a previous Comet output and nothing else (its <c>run-info.json</c> lists every file Comet wrote there); any other
/// folder is refused before anything is written, so <c>--out</c> never deletes what Comet did not write.
/// </remarks>
public sealed class OutputDirectory : IDisposable
{
    /// <summary>The one line (after the folder's name) refusing a folder that holds files Comet did not write.</summary>
    public const string NotCometOutputProblem = "folder is not empty and is not a Comet output; choose another --out";

    // What Comet wrote before run-info.json listed its files (frozen: new files are listed, never added here).
    private static readonly HashSet<string> EarlierNames = new(StringComparer.Ordinal)
    {
        "run-info.json", "summary.json", "trace.csv", "trace.json", "timeline.png", "timeline.svg",
        "validation.csv", "validation_levels.csv", "validation_families.csv", "validation.png", "validation.svg",
        "calibration.json", "calibration.csv",
    };

    private const string TempMarker = ".comet-tmp-";
    private const string OldMarker = ".comet-old-";

    private readonly SortedSet<string> _written = new(StringComparer.Ordinal);
    private readonly string _shownPath;
    private readonly bool _addToExisting;
    private bool _committed;
    private bool _disposed;

    private OutputDirectory(string finalPath, string tempPath, string shownPath, bool addToExisting)
    {
        FinalPath = finalPath;
        TempPath = tempPath;
        _shownPath = shownPath;
        _addToExisting = addToExisting;
    }

    /// <summary>The folder the run's files end up in after <see cref="Commit"/>.</summary>
    public string FinalPath { get; }

    /// <summary>The temporary sibling folder the run writes into until it commits.</summary>
    public string TempPath { get; }

    /// <summary>True once <see cref="Commit"/> has moved the files into place.</summary>
    public bool IsCommitted => _committed;

    /// <summary>Starts a run folder for <paramref name="finalPath"/>, creating its parent and a fresh temporary sibling.</summary>
    /// <param name="finalPath">The folder as the user gave it.</param>
    /// <param name="addToExisting">When the folder already holds a Comet output, add (or replace) only this run's files in it instead of replacing it whole (<c>plot</c> into a run folder keeps the trace).</param>
    /// <exception cref="InputException">The path names an existing file or a folder holding files Comet did not write, or its parent cannot be created.</exception>
    public static OutputDirectory Begin(string finalPath, bool addToExisting = false)
    {
        if (string.IsNullOrWhiteSpace(finalPath))
        {
            throw new InputException("--out", string.Empty, "the output folder path is empty");
        }

        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(finalPath));
        var shown = Shown(finalPath, full);
        if (File.Exists(full))
        {
            throw new InputException(shown, string.Empty, "the output path exists and is a file, not a folder");
        }

        EnsureReplaceable(full, shown);
        var parent = Path.GetDirectoryName(full);
        if (string.IsNullOrEmpty(parent))
        {
            throw new InputException(shown, string.Empty, "the output folder cannot be a file-system root");
        }

        try
        {
            Directory.CreateDirectory(parent);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputException(shown, string.Empty, $"cannot create the parent folder {parent}: {e.Message}", inner: e);
        }

        var temp = Path.Combine(parent, $"{TempMarker}{Path.GetFileName(full)}-{Guid.NewGuid():N}");
        try
        {
            Directory.CreateDirectory(temp);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputException(shown, string.Empty, $"cannot write into {parent}: {e.Message.Replace(temp, parent, StringComparison.Ordinal)}", inner: e);
        }

        return new OutputDirectory(full, temp, shown, addToExisting);
    }

    /// <summary>True when Comet may replace <paramref name="folder"/>: it is missing, empty, or holds a previous Comet output and nothing else.</summary>
    public static bool IsReplaceable(string folder)
    {
        if (!Directory.Exists(folder))
        {
            return true;
        }

        try
        {
            return !Directory.EnumerateFileSystemEntries(folder).Any() || HoldsOnlyCometFiles(folder);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>Refuses, with the one-line input error, a folder Comet may not replace (see <see cref="IsReplaceable"/>).</summary>
    /// <exception cref="InputException">The folder holds something Comet did not write.</exception>
    public static void EnsureReplaceable(string folder, string shownPath)
    {
        if (!IsReplaceable(folder))
        {
            throw new InputException(shownPath, string.Empty, NotCometOutputProblem);
        }
    }

    /// <summary>Returns the path to write a file named <paramref name="relativeName"/> to (inside the temporary folder until commit).</summary>
    public string PathFor(string relativeName)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_committed)
        {
            throw new InvalidOperationException("the output folder is already committed");
        }

        if (string.IsNullOrWhiteSpace(relativeName) || Path.IsPathRooted(relativeName))
        {
            throw new ArgumentException("expected a relative file name", nameof(relativeName));
        }

        var path = Path.GetFullPath(Path.Combine(TempPath, relativeName));
        var root = TempPath + Path.DirectorySeparatorChar;
        if (!path.StartsWith(root, StringComparison.Ordinal))
        {
            throw new ArgumentException($"'{relativeName}' leaves the output folder", nameof(relativeName));
        }

        var folder = Path.GetDirectoryName(path);
        if (folder is not null)
        {
            Directory.CreateDirectory(folder);
        }

        _written.Add(Relative(TempPath, path));
        return path;
    }

    /// <summary>Writes <paramref name="runInfo"/> (listing every file written) as <c>run-info.json</c> and moves the files into place, replacing an older Comet output only now.</summary>
    /// <exception cref="InputException">The final path became a file, or a folder holding files Comet did not write, while the run was writing.</exception>
    public void Commit(RunInfo runInfo)
    {
        ArgumentNullException.ThrowIfNull(runInfo);
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_committed)
        {
            return;
        }

        var infoPath = PathFor(RunInfo.FileName);
        var files = _written.ToList();
        (runInfo with { Files = files }).Write(infoPath);

        // Checked again: a long run gives the user time to put something at the final path.
        if (File.Exists(FinalPath))
        {
            throw new InputException(_shownPath, string.Empty, "the output path exists and is a file, not a folder");
        }

        EnsureReplaceable(FinalPath, _shownPath);
        try
        {
            if (_addToExisting && RunInfo.TryRead(Path.Combine(FinalPath, RunInfo.FileName)) is { Files: { } earlier } info)
            {
                AddInto(info, earlier, files);
            }
            else
            {
                Replace();
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputException(_shownPath, string.Empty, $"cannot move the finished output into place: {e.Message.Replace(TempPath, FinalPath, StringComparison.Ordinal)}", inner: e);
        }

        _committed = true;
    }

    /// <summary>Deletes the temporary folder unless the run committed.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        if (!_committed)
        {
            TryDelete(TempPath);
        }
    }

    private void Replace()
    {
        string? old = null;
        if (Directory.Exists(FinalPath))
        {
            // Rename the old folder aside first so the final path is never half old, half new.
            old = Path.Combine(Path.GetDirectoryName(FinalPath)!, $"{OldMarker}{Path.GetFileName(FinalPath)}-{Guid.NewGuid():N}");
            Directory.Move(FinalPath, old);
        }

        try
        {
            Directory.Move(TempPath, FinalPath);
        }
        catch
        {
            if (old is not null && !Directory.Exists(FinalPath))
            {
                Directory.Move(old, FinalPath);
            }

            throw;
        }

        if (old is not null)
        {
            TryDelete(old);
        }
    }

    // Each file replaces its namesake by a rename, then the folder's list grows by the new names, keeping the earlier run's record.
    private void AddInto(RunInfo earlierInfo, IReadOnlyList<string> earlierFiles, IReadOnlyList<string> files)
    {
        foreach (var name in files.Where(n => n != RunInfo.FileName))
        {
            var target = Path.Combine(FinalPath, name);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Move(Path.Combine(TempPath, name), target, overwrite: true);
        }

        var union = earlierFiles.Union(files, StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var infoTemp = Path.Combine(TempPath, RunInfo.FileName);
        (earlierInfo with { Files = union }).Write(infoTemp);
        File.Move(infoTemp, Path.Combine(FinalPath, RunInfo.FileName), overwrite: true);
        TryDelete(TempPath);
    }

    // Every entry must be a file the folder's run-info.json lists, or a folder on the way to one.
    private static bool HoldsOnlyCometFiles(string folder)
    {
        if (RunInfo.TryRead(Path.Combine(folder, RunInfo.FileName)) is not { } info)
        {
            return false;
        }

        if (info.Files is not { } files)
        {
            return HoldsOnlyEarlierCometFiles(folder);
        }

        var listed = new HashSet<string>(files, StringComparer.Ordinal) { RunInfo.FileName };
        var folders = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in listed)
        {
            for (var at = file.LastIndexOf('/'); at > 0; at = file.LastIndexOf('/', at - 1))
            {
                folders.Add(file[..at]);
            }
        }

        var options = new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0, IgnoreInaccessible = false };
        foreach (var entry in new DirectoryInfo(folder).EnumerateFileSystemInfos("*", options))
        {
            var relative = Relative(folder, entry.FullName);
            var known = entry is DirectoryInfo ? folders.Contains(relative) : listed.Contains(relative);
            if (!known || entry.LinkTarget is not null)
            {
                return false;
            }
        }

        return true;
    }

    // A folder from before the list: only the names Comet wrote then, and cases/<case>/summary.json of validate.
    private static bool HoldsOnlyEarlierCometFiles(string folder)
    {
        var options = new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0, IgnoreInaccessible = false };
        foreach (var entry in new DirectoryInfo(folder).EnumerateFileSystemInfos("*", options))
        {
            var parts = Relative(folder, entry.FullName).Split('/');
            var known = entry is DirectoryInfo
                ? parts is ["cases"] or ["cases", _]
                : parts is [var name] ? EarlierNames.Contains(name) : parts is ["cases", _, "summary.json"];
            if (!known || entry.LinkTarget is not null)
            {
                return false;
            }
        }

        return true;
    }

    private static string Relative(string root, string path) => Path.GetRelativePath(root, path).Replace(Path.DirectorySeparatorChar, '/');

    // Messages name the folder as the user typed it, unless that says nothing ('.', '..').
    private static string Shown(string given, string full)
    {
        var name = Path.GetFileName(Path.TrimEndingDirectorySeparator(given));
        return name is "" or "." or ".." ? full : given;
    }

    private static void TryDelete(string folder)
    {
        try
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
        catch (IOException)
        {
            // A leftover temporary folder is harmless (its name says what it is); never mask the run's own error.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
