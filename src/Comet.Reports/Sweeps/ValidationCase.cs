namespace Comet.Reports.Sweeps;

/// <summary>One case folder of a validation sweep.</summary>
/// <param name="Name">Folder name.</param>
/// <param name="Folder">Full path of the folder.</param>
/// <param name="Family">Family the case is grouped under (from the sweep folder's index.tsv, else the name's prefix).</param>
/// <param name="NocEnergy">True when the folder's flags.txt asks for <c>--calc_noc_energy</c>.</param>
public sealed record ValidationCase(string Name, string Folder, string Family, bool NocEnergy);
