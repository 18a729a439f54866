namespace Comet.Workloads.Search;

/// <summary>One candidate's analytic figures, or why it has none.</summary>
/// <param name="Tiling">The candidate.</param>
/// <param name="Status"><c>ok</c>, <c>pruned: …</c> (tiles that do not fit, found before costing) or <c>invalid: …</c> (another input error).</param>
/// <param name="Cycles">The model's total cycles (summed over an unfused sequence's steps), or null.</param>
/// <param name="EnergyPj">The model's total energy in pJ (summed likewise), or null.</param>
/// <param name="DramBytes">Bytes moved between DRAM and the clusters by the template's closed form.</param>
public sealed record CandidateCost(Tiling Tiling, string Status, long? Cycles, double? EnergyPj, long DramBytes)
{
    /// <summary>The status of a candidate the model costed.</summary>
    public const string Ok = "ok";

    /// <summary>True when the model costed the candidate.</summary>
    public bool IsCosted => Status == Ok;
}
