using Comet.Workloads.Search;

namespace Comet.Reports.Search;

/// <summary>What a search was asked for, all a shard needs to be merged into the unsharded result.</summary>
/// <param name="Operation">The compound operation.</param>
/// <param name="Preset">The preset architecture.</param>
/// <param name="Shape">The shape as given (e.g. <c>2048x2048x256</c>).</param>
/// <param name="Fused">Fused dataflow, or the unfused sequence.</param>
/// <param name="Wide">The widened space.</param>
/// <param name="Objective">What the ranking minimizes.</param>
/// <param name="Top">Candidates re-run in the simulator.</param>
public sealed record SearchParameters(string Operation, string Preset, string Shape, bool Fused, bool Wide, SearchObjective Objective, int Top)
{
    /// <summary>The objective's word on the command line.</summary>
    public string ObjectiveWord => Objective.ToString().ToLowerInvariant();
}
