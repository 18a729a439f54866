using System.Reflection;
using System.Runtime.InteropServices;
using System.Text.Json;

namespace Comet.Reports.Output;

/// <summary>What is not deterministic about a run (wall-clock, host, runtime), kept in <c>run-info.json</c> so every other output file stays byte-identical across runs.</summary>
/// <param name="Command">The verb, e.g. <c>simulate</c>.</param>
/// <param name="Arguments">The command line as given.</param>
/// <param name="StartedUtc">When the run started.</param>
/// <param name="FinishedUtc">When the run finished.</param>
/// <param name="WallSeconds">Elapsed wall-clock seconds.</param>
/// <param name="Cancelled">True when the run was stopped by Ctrl-C and its files hold what was simulated until then.</param>
/// <param name="CometVersion">The informational version of the <c>comet</c> assembly.</param>
/// <param name="Runtime">The .NET runtime description.</param>
/// <param name="Machine">Host name, OS and processor count.</param>
/// <param name="Files">Every file Comet wrote in the folder, relative and '/'-separated (run-info.json included), so a later run can tell the folder holds nothing else; null in folders written before it was recorded.</param>
public sealed record RunInfo(
    string Command,
    IReadOnlyList<string> Arguments,
    DateTimeOffset StartedUtc,
    DateTimeOffset FinishedUtc,
    double WallSeconds,
    bool Cancelled,
    string CometVersion,
    string Runtime,
    string Machine,
    IReadOnlyList<string>? Files = null)
{
    /// <summary>The file name the run info is written under.</summary>
    public const string FileName = "run-info.json";

    /// <summary>Describes a run of <paramref name="command"/> that started at <paramref name="startedUtc"/> and finishes now.</summary>
    public static RunInfo Capture(string command, IReadOnlyList<string> arguments, DateTimeOffset startedUtc, bool cancelled = false)
    {
        var finished = DateTimeOffset.UtcNow;
        var version = typeof(RunInfo).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";
        var machine = $"{Environment.MachineName}; {RuntimeInformation.OSDescription}; {Environment.ProcessorCount} processors";
        return new RunInfo(command, arguments.ToList(), startedUtc, finished, (finished - startedUtc).TotalSeconds, cancelled, version, RuntimeInformation.FrameworkDescription, machine);
    }

    /// <summary>Writes the record as indented JSON (snake_case keys) to <paramref name="path"/>.</summary>
    public void Write(string path) => File.WriteAllText(path, JsonSerializer.Serialize(this, RunInfoJsonContext.Default.RunInfo) + "\n");

    /// <summary>Reads a <c>run-info.json</c> written by <see cref="Write"/>.</summary>
    public static RunInfo Read(string path) =>
        JsonSerializer.Deserialize(File.ReadAllText(path), RunInfoJsonContext.Default.RunInfo) ?? throw new InvalidDataException($"{path} holds no run info");

    /// <summary>Reads a <c>run-info.json</c>, or returns null when it is missing, unreadable or not Comet's.</summary>
    public static RunInfo? TryRead(string path)
    {
        try
        {
            return File.Exists(path) ? Read(path) : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException or InvalidDataException or NotSupportedException)
        {
            return null;
        }
    }
}
