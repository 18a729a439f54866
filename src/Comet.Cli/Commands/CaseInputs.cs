namespace Comet.Cli.Commands;

/// <summary>The four input files a verb reads (full paths) and whether NoC energy is asked for, after <c>--case</c> and the file options are combined.</summary>
/// <param name="Arch">The architecture file.</param>
/// <param name="Problem">The problem file.</param>
/// <param name="Mapping">The mapping file.</param>
/// <param name="Constants">The constants file.</param>
/// <param name="NocEnergy">True when <c>--calc_noc_energy</c> is given or the case's flags.txt holds it.</param>
/// <param name="Preset">The preset whose architecture replaces <paramref name="Arch"/> (<c>--preset</c>), or null.</param>
public sealed record CaseInputs(string Arch, string Problem, string Mapping, string Constants, bool NocEnergy, string? Preset = null);
