using Comet.Workloads.Generation;

namespace Comet.Workloads.Search;

/// <summary>What a searchable template gives the search: the architecture, the steps with their constant tables, the space, and how a tiling becomes a case folder.</summary>
/// <param name="ArchText">The preset's arch.yaml text.</param>
/// <param name="Steps">One step (fused) or the unfused sequence's steps, in run order.</param>
/// <param name="Space">The tilings to enumerate.</param>
/// <param name="NocEnergy">Whether the case's flags ask for NoC energy (<c>--calc_noc_energy</c>).</param>
/// <param name="DramBytes">Bytes the tiling moves between DRAM and the clusters, read plus written (the template's closed form).</param>
/// <param name="Files">The case folder of a tiling, as <c>comet generate</c> would write it.</param>
public sealed record SearchSetup(
    string ArchText,
    IReadOnlyList<SearchStep> Steps,
    TilingSpace Space,
    bool NocEnergy,
    Func<Tiling, long> DramBytes,
    Func<Tiling, IReadOnlyList<GeneratedFile>> Files)
{
    /// <summary>A closed-form lower bound of some buffer's occupancy, checked before a candidate's YAML is bound: the reason when that bound alone exceeds the buffer (the candidate cannot fit), else null. Null: no pre-check.</summary>
    public Func<Tiling, string?>? CapacityPreCheck { get; init; }
}
