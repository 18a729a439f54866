using System.CommandLine;

namespace Comet.Cli.Commands;

/// <summary>Options shared by several verbs (the authors' tool's flags plus short aliases).</summary>
public static class CommonOptions
{
    /// <summary>Creates the flag that prints stack traces for errors (applies to every verb).</summary>
    public static Option<bool> Verbose() => new("--verbose") { Description = "Show stack traces on errors.", Recursive = true };

    /// <summary>Creates the architecture-file option (<c>--arch</c> / the authors' <c>--arch_file</c>).</summary>
    public static Option<FileInfo> ArchFile(bool required) => new("--arch", "--arch_file") { Description = "Architecture YAML (COMET format).", Required = required };

    /// <summary>Creates the preset option (<c>--preset</c>): a shipped architecture by name instead of an arch file.</summary>
    public static Option<string?> Preset() => new("--preset") { Description = "A shipped architecture by name instead of --arch: edge, cloud or example ('comet presets' lists them)." };

    /// <summary>Creates the problem-file option (<c>--problem</c> / the authors' <c>--problem_file</c>).</summary>
    public static Option<FileInfo> ProblemFile(bool required) => new("--problem", "--problem_file") { Description = "Problem YAML (COMET format).", Required = required };

    /// <summary>Creates the mapping-file option (<c>--mapping</c> / the authors' <c>--mapping_file</c>).</summary>
    public static Option<FileInfo> MappingFile(bool required) => new("--mapping", "--mapping_file") { Description = "Mapping YAML (COMET format).", Required = required };

    /// <summary>Creates the constants-file option (<c>--constants</c> / the authors' <c>--constants_file</c>).</summary>
    public static Option<FileInfo> ConstantsFile(bool required) => new("--constants", "--constants_file") { Description = "Constants YAML (COMET format).", Required = required };

    /// <summary>Creates the NoC-energy flag (<c>--calc_noc_energy</c> / <c>--noc-energy</c>).</summary>
    public static Option<bool> NocEnergy() => new("--calc_noc_energy", "--noc-energy") { Description = "Include NoC (router and link) energy." };

    /// <summary>Creates the JSON-output flag.</summary>
    public static Option<bool> Json() => new("--json") { Description = "Print exactly one JSON object on stdout." };
}
