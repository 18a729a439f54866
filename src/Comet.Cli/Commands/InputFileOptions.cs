using System.CommandLine;
using Comet.Hardware.Inputs;
using Comet.Workloads.Generation;
using Comet.Workloads.Inputs;

namespace Comet.Cli.Commands;

/// <summary>The four COMET input-file options, <c>--preset</c>, <c>--case</c> and the NoC-energy flag, created once per command (options are not shared between commands).</summary>
public sealed class InputFileOptions
{
    /// <summary>The architecture file (<c>--arch</c> / <c>--arch_file</c>).</summary>
    public Option<FileInfo> Arch { get; } = CommonOptions.ArchFile(required: false);

    /// <summary>A preset architecture by name (<c>--preset</c>), instead of an arch file.</summary>
    public Option<string?> Preset { get; } = CommonOptions.Preset();

    /// <summary>The problem file (<c>--problem</c> / <c>--problem_file</c>).</summary>
    public Option<FileInfo> Problem { get; } = CommonOptions.ProblemFile(required: false);

    /// <summary>The mapping file (<c>--mapping</c> / <c>--mapping_file</c>).</summary>
    public Option<FileInfo> Mapping { get; } = CommonOptions.MappingFile(required: false);

    /// <summary>The constants file (<c>--constants</c> / <c>--constants_file</c>).</summary>
    public Option<FileInfo> Constants { get; } = CommonOptions.ConstantsFile(required: false);

    /// <summary>The case folder holding all four files (<c>--case</c>).</summary>
    public Option<string?> Case { get; } = new("--case") { Description = "Folder holding arch.yaml, problem.yaml, mapping.yaml, const.yaml (and optionally flags.txt, e.g. --calc_noc_energy); a file option given too overrides the folder's file." };

    /// <summary>The NoC-energy flag (<c>--calc_noc_energy</c> / <c>--noc-energy</c>).</summary>
    public Option<bool> NocEnergy { get; } = CommonOptions.NocEnergy();

    /// <summary>Adds the seven options to <paramref name="command"/>, with the check that every file is given one way or the other.</summary>
    public void AddTo(Command command)
    {
        command.Options.Add(Case);
        command.Options.Add(Arch);
        command.Options.Add(Preset);
        command.Options.Add(Problem);
        command.Options.Add(Mapping);
        command.Options.Add(Constants);
        command.Options.Add(NocEnergy);
        command.Validators.Add(result =>
        {
            var preset = result.GetResult(Preset) is not null;
            if (preset && result.GetResult(Arch) is not null)
            {
                result.AddError("--preset and --arch are mutually exclusive (give one architecture)");
                return;
            }

            if (result.GetResult(Case) is null && Files().Where(f => result.GetResult(f.Option) is null && !(preset && f.Option == Arch)).Select(f => f.Option.Name).ToList() is { Count: > 0 } missing)
            {
                var names = string.Join(", ", missing);
                result.AddError(missing.Count == 1 ? $"missing required option {names} (or --case DIR)" : $"missing required options {names} (or --case DIR holding all four files)");
            }
        });
    }

    /// <summary>The paths of the four files and the NoC-energy setting: each file option given wins, else the <c>--case</c> folder's file.</summary>
    /// <exception cref="InputException">The case folder is missing, is a file, lacks a file no option replaces, or its flags.txt holds an unknown flag.</exception>
    public CaseInputs Resolve(ParseResult parse)
    {
        var folder = parse.GetValue(Case) is { } path ? CaseFolder.Open(path) : null;
        var preset = parse.GetValue(Preset) is { } name ? Presets.Require(name) : null;
        var paths = Files().Select(f => (f.FileName, Path: preset is not null && f.Option == Arch ? Presets.FileName(preset) : parse.GetValue(f.Option)?.FullName ?? folder?.Find(f.FileName))).ToList();
        if (paths.Where(p => p.Path is null).Select(p => p.FileName).ToList() is { Count: > 0 } missing)
        {
            // Only reachable with --case: without it the command's validator has already named the missing options.
            throw new InputException(folder?.Folder ?? "--case", "--case", $"no {string.Join(", ", missing)} in this folder (a case folder holds {CaseFolder.ArchFile}, {CaseFolder.ProblemFile}, {CaseFolder.MappingFile}, {CaseFolder.ConstantsFile})");
        }

        return new CaseInputs(paths[0].Path!, paths[1].Path!, paths[2].Path!, paths[3].Path!, parse.GetValue(NocEnergy) || (folder?.NocEnergy ?? false), preset);
    }

    /// <summary>The unfused sequence <c>--case</c> names (a folder holding sequence.txt), with the preset's architecture if given and the NoC-energy setting; null for an ordinary case.</summary>
    /// <exception cref="InputException">The folder is a sequence but a file option other than --arch/--preset is given, or its sequence.txt is wrong.</exception>
    public (SequenceFolder Folder, YamlFile? Arch, bool NocEnergy)? Sequence(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        if (parse.GetValue(Case) is not { } path || !Directory.Exists(path) || !SequenceFolder.IsSequence(path))
        {
            return null;
        }

        if (new[] { Problem, Mapping, Constants }.FirstOrDefault(o => parse.GetResult(o) is not null) is { } extra)
        {
            throw new InputException(path, "--case", $"is an unfused sequence ({SequenceFolder.SequenceFile}); {extra.Name} cannot replace one file of it (each operation has its own)");
        }

        var folder = CaseFolder.Open(path);
        var arch = parse.GetValue(Preset) is { } preset ? Presets.ArchFile(Presets.Require(preset))
            : parse.GetValue(Arch) is { } file ? YamlFile.Load(file.FullName) : null;
        return (SequenceFolder.Open(path), arch, parse.GetValue(NocEnergy) || folder.NocEnergy);
    }

    /// <summary>Loads and validates the four files named on the command line or found in the case folder.</summary>
    public static CometInputSet Load(CaseInputs inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        return inputs.Preset is { } preset
            ? CometInputLoader.Load(Presets.ArchFile(preset), inputs.Problem, inputs.Mapping, inputs.Constants)
            : CometInputLoader.Load(inputs.Arch, inputs.Problem, inputs.Mapping, inputs.Constants);
    }

    private (Option<FileInfo> Option, string FileName)[] Files() =>
    [
        (Arch, CaseFolder.ArchFile),
        (Problem, CaseFolder.ProblemFile),
        (Mapping, CaseFolder.MappingFile),
        (Constants, CaseFolder.ConstantsFile),
    ];
}
