using Comet.Workloads.Search;

namespace Comet.Reports.Search;

/// <summary>A finished search: its tally (counts, the best by the objective, every costed candidate's cycles and energy), the top k with their simulations re-ranked by simulated cycles, and the winner.</summary>
/// <param name="Tally">What the search kept of its candidates.</param>
/// <param name="Top">The top k, re-ranked by simulated cycles (unfinished simulations last, then by analytic rank).</param>
/// <param name="Winner">The first of <paramref name="Top"/>, or null when nothing fits.</param>
public sealed record SearchOutcome(
    SearchTally Tally,
    IReadOnlyList<(CandidateCost Candidate, SimulatedFigures Simulated)> Top,
    CandidateCost? Winner)
{
    /// <summary>The top candidates by index with their figures and 1-based place after re-ranking, as search.csv shows them.</summary>
    public IReadOnlyDictionary<long, (SimulatedFigures Figures, int Rank)> Simulated
        => Top.Select((t, i) => (t, i)).ToDictionary(p => p.t.Candidate.Tiling.Index, p => (p.t.Simulated, p.i + 1));
}
