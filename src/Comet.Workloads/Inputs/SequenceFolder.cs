using Comet.Hardware.Inputs;

namespace Comet.Workloads.Inputs;

/// <summary>An unfused case folder: arch.yaml (and flags.txt) shared by its operations, one subfolder per operation with problem.yaml, mapping.yaml and const.yaml, and sequence.txt listing the subfolders in run order.</summary>
/// <param name="Folder">The folder as given.</param>
/// <param name="Steps">The operations' subfolder names, in run order.</param>
public sealed record SequenceFolder(string Folder, IReadOnlyList<string> Steps)
{
    /// <summary>The file that makes a folder a sequence and lists its operations.</summary>
    public const string SequenceFile = "sequence.txt";

    /// <summary>True when <paramref name="folder"/> holds a <c>sequence.txt</c>.</summary>
    public static bool IsSequence(string folder) => File.Exists(Path.Combine(folder, SequenceFile));

    /// <summary>Reads <c>sequence.txt</c>: one subfolder per non-empty line, each holding problem.yaml, mapping.yaml and const.yaml.</summary>
    /// <exception cref="InputException">The list is empty, names a step twice, or names a subfolder that is missing or lacks a file.</exception>
    public static SequenceFolder Open(string folder)
    {
        var path = Path.Combine(folder, SequenceFile);
        var lines = File.ReadAllLines(path);
        var steps = new List<string>();
        for (var i = 0; i < lines.Length; i++)
        {
            var name = lines[i].Trim();
            if (name.Length == 0 || name.StartsWith('#'))
            {
                continue;
            }

            if (steps.Contains(name) || name.Contains('/', StringComparison.Ordinal) || name.Contains('\\', StringComparison.Ordinal) || name is "." or "..")
            {
                throw new InputException(path, string.Empty, $"'{name}' is listed twice or is not a plain subfolder name", i + 1, 1);
            }

            foreach (var file in StepFiles)
            {
                if (!File.Exists(Path.Combine(folder, name, file)))
                {
                    throw new InputException(path, string.Empty, $"step '{name}' has no {file} (each listed subfolder holds {string.Join(", ", StepFiles)})", i + 1, 1);
                }
            }

            steps.Add(name);
        }

        return steps.Count > 0 ? new SequenceFolder(folder, steps) : throw new InputException(path, string.Empty, "lists no operation (one subfolder per line, in run order)");
    }

    /// <summary>The files each step's subfolder holds.</summary>
    public static IReadOnlyList<string> StepFiles { get; } = ["problem.yaml", "mapping.yaml", "const.yaml"];

    /// <summary>The shared architecture file.</summary>
    public string ArchPath => Path.Combine(Folder, "arch.yaml");

    /// <summary>Loads and validates one step against the shared architecture (or <paramref name="arch"/> when given, e.g. a preset's).</summary>
    public CometInputSet Load(string step, YamlFile? arch = null)
    {
        var dir = Path.Combine(Folder, step);
        return CometInputLoader.Load(arch ?? YamlFile.Load(ArchPath), Path.Combine(dir, "problem.yaml"), Path.Combine(dir, "mapping.yaml"), Path.Combine(dir, "const.yaml"));
    }
}
