using Comet.Hardware.Inputs;

namespace Comet.Cli.Output;

/// <summary>An atomic run folder: files are written into a temporary sibling folder that replaces the final folder only on <see cref="Commit"/>.</summary>
/// <remarks>
/// Disposing without committing deletes the temporary folder, so a failed or cancelled run leaves no half-written
/// output and never disturbs an older folder of the same path.
/// </remarks>
public sealed class OutputDirectory : IDisposable
{
    private const string TempMarker = ".comet-tmp-";
    private const string OldMarker = ".comet-old-";

    private bool _committed;
    private bool _disposed;

    private OutputDirectory(string finalPath, string tempPath)
    {
        FinalPath = finalPath;
        TempPath = tempPath;
    }

    /// <summary>The folder the run's files end up in after <see cref="Commit"/>.</summary>
    public string FinalPath { get; }

    /// <summary>The temporary sibling folder the run writes into until it commits.</summary>
    public string TempPath { get; }

    /// <summary>True once <see cref="Commit"/> has moved the files into place.</summary>
    public bool IsCommitted => _committed;

    /// <summary>Starts a run folder for <paramref name="finalPath"/>, creating its parent and a fresh temporary sibling.</summary>
    /// <exception cref="InputException">The path names an existing file, or its parent cannot be created.</exception>
    public static OutputDirectory Begin(string finalPath)
    {
        if (string.IsNullOrWhiteSpace(finalPath))
        {
            throw new InputException("--out", string.Empty, "the output folder path is empty");
        }

        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(finalPath));
        if (File.Exists(full))
        {
            throw new InputException(finalPath, string.Empty, "the output path exists and is a file, not a folder");
        }

        var parent = Path.GetDirectoryName(full);
        if (string.IsNullOrEmpty(parent))
        {
            throw new InputException(finalPath, string.Empty, "the output folder cannot be a file-system root");
        }

        try
        {
            Directory.CreateDirectory(parent);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputException(finalPath, string.Empty, $"cannot create the parent folder {parent}: {e.Message}", inner: e);
        }

        var temp = Path.Combine(parent, $"{TempMarker}{Path.GetFileName(full)}-{Guid.NewGuid():N}");
        try
        {
            Directory.CreateDirectory(temp);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputException(finalPath, string.Empty, $"cannot write into {parent}: {e.Message}", inner: e);
        }

        return new OutputDirectory(full, temp);
    }

    /// <summary>Returns the path to write a file named <paramref name="relativeName"/> to (inside the temporary folder until commit).</summary>
    public string PathFor(string relativeName)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (string.IsNullOrWhiteSpace(relativeName) || Path.IsPathRooted(relativeName))
        {
            throw new ArgumentException("expected a relative file name", nameof(relativeName));
        }

        var path = Path.GetFullPath(Path.Combine(_committed ? FinalPath : TempPath, relativeName));
        var root = (_committed ? FinalPath : TempPath) + Path.DirectorySeparatorChar;
        if (!path.StartsWith(root, StringComparison.Ordinal))
        {
            throw new ArgumentException($"'{relativeName}' leaves the output folder", nameof(relativeName));
        }

        var folder = Path.GetDirectoryName(path);
        if (folder is not null)
        {
            Directory.CreateDirectory(folder);
        }

        return path;
    }

    /// <summary>Moves the temporary folder into place, replacing an older folder of the same path only now.</summary>
    /// <exception cref="InputException">The final path became a file while the run was writing.</exception>
    public void Commit()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_committed)
        {
            return;
        }

        if (File.Exists(FinalPath))
        {
            throw new InputException(FinalPath, string.Empty, "the output path exists and is a file, not a folder");
        }

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

        _committed = true;
        if (old is not null)
        {
            TryDelete(old);
        }
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
