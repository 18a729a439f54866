using System.CommandLine;
using Comet.Workloads.Inputs;

namespace Comet.Cli.Commands;

/// <summary>The four COMET input-file options and the NoC-energy flag, created once per command (options are not shared between commands).</summary>
public sealed class InputFileOptions
{
    /// <summary>The architecture file (<c>--arch_file</c> / <c>--arch</c>).</summary>
    public Option<FileInfo> Arch { get; } = CommonOptions.ArchFile(required: true);

    /// <summary>The problem file (<c>--problem_file</c> / <c>--problem</c>).</summary>
    public Option<FileInfo> Problem { get; } = CommonOptions.ProblemFile(required: true);

    /// <summary>The mapping file (<c>--mapping_file</c> / <c>--mapping</c>).</summary>
    public Option<FileInfo> Mapping { get; } = CommonOptions.MappingFile(required: true);

    /// <summary>The constants file (<c>--constants_file</c> / <c>--constants</c>).</summary>
    public Option<FileInfo> Constants { get; } = CommonOptions.ConstantsFile(required: true);

    /// <summary>The NoC-energy flag (<c>--calc_noc_energy</c> / <c>--noc-energy</c>).</summary>
    public Option<bool> NocEnergy { get; } = CommonOptions.NocEnergy();

    /// <summary>Adds the five options to <paramref name="command"/>.</summary>
    public void AddTo(Command command)
    {
        command.Options.Add(Arch);
        command.Options.Add(Problem);
        command.Options.Add(Mapping);
        command.Options.Add(Constants);
        command.Options.Add(NocEnergy);
    }

    /// <summary>The full path of the mapping file given on the command line.</summary>
    public string MappingPath(ParseResult parse) => parse.GetValue(Mapping)!.FullName;

    /// <summary>Loads and validates the four files named on the command line.</summary>
    public CometInputSet Load(ParseResult parse) => CometInputLoader.Load(
        parse.GetValue(Arch)!.FullName,
        parse.GetValue(Problem)!.FullName,
        MappingPath(parse),
        parse.GetValue(Constants)!.FullName);
}
