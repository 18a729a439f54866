using Comet.Hardware.Inputs;

namespace Comet.Cli.Commands;

/// <summary>A case folder given with <c>--case</c>: the four COMET inputs under their usual names, plus the authors' flags in <c>flags.txt</c>.</summary>
/// <param name="Folder">The folder as the user gave it.</param>
/// <param name="NocEnergy">True when <c>flags.txt</c> asks for <c>--calc_noc_energy</c>.</param>
public sealed record CaseFolder(string Folder, bool NocEnergy)
{
    /// <summary>The architecture file's name in a case folder.</summary>
    public const string ArchFile = "arch.yaml";

    /// <summary>The problem file's name in a case folder.</summary>
    public const string ProblemFile = "problem.yaml";

    /// <summary>The mapping file's name in a case folder.</summary>
    public const string MappingFile = "mapping.yaml";

    /// <summary>The constants file's name in a case folder.</summary>
    public const string ConstantsFile = "const.yaml";

    /// <summary>The file holding the case's command-line flags, whitespace-separated (the reference cases' format).</summary>
    public const string FlagsFile = "flags.txt";

    /// <summary>The flags a <c>flags.txt</c> may hold, each asking for NoC energy (the authors' spelling and Comet's).</summary>
    public static IReadOnlyList<string> NocEnergyFlags { get; } = ["--calc_noc_energy", "--noc-energy"];

    /// <summary>Opens <paramref name="folder"/> and reads its <c>flags.txt</c>, if any.</summary>
    /// <exception cref="InputException">The path is missing or a file, or <c>flags.txt</c> holds a flag Comet does not know.</exception>
    public static CaseFolder Open(string folder)
    {
        if (File.Exists(folder))
        {
            throw new InputException(folder, "--case", "is a file, not a folder (give the folder holding arch.yaml, problem.yaml, mapping.yaml, const.yaml)");
        }

        if (!Directory.Exists(folder))
        {
            throw new InputException(folder, "--case", "folder not found");
        }

        var flagsPath = Path.Combine(folder, FlagsFile);
        var noc = false;
        if (File.Exists(flagsPath))
        {
            foreach (var flag in File.ReadAllText(flagsPath).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
            {
                if (!NocEnergyFlags.Contains(flag))
                {
                    throw new InputException(flagsPath, string.Empty, $"unknown flag '{flag}' (a case's flags.txt may hold {string.Join(" or ", NocEnergyFlags)})");
                }

                noc = true;
            }
        }

        return new CaseFolder(folder, noc);
    }

    /// <summary>The full path of <paramref name="fileName"/> in the folder, or null when the folder has no such file.</summary>
    public string? Find(string fileName)
    {
        var path = Path.GetFullPath(Path.Combine(Folder, fileName));
        return File.Exists(path) ? path : null;
    }
}
