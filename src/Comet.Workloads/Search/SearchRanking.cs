using Comet.Hardware.Inputs;

namespace Comet.Workloads.Search;

/// <summary>Orders costed candidates by an objective (ties by index, so the order is deterministic) and finds the Pareto front of cycles and energy.</summary>
public static class SearchRanking
{
    /// <summary>The objective's score of a costed candidate: cycles, energy in pJ, or their product.</summary>
    public static double Score(CandidateCost candidate, SearchObjective objective)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        var cycles = (double)candidate.Cycles!.Value;
        var energy = candidate.EnergyPj!.Value;
        return objective switch
        {
            SearchObjective.Cycles => cycles,
            SearchObjective.Energy => energy,
            _ => cycles * energy,
        };
    }

    /// <summary>The costed candidates, best first.</summary>
    public static IReadOnlyList<CandidateCost> Rank(IEnumerable<CandidateCost> candidates, SearchObjective objective)
        => [.. candidates.Where(c => c.IsCosted).OrderBy(c => Score(c, objective)).ThenBy(c => c.Tiling.Index)];

    /// <summary>The costed candidates no other beats on both cycles and energy, by rising cycles.</summary>
    public static IReadOnlyList<CandidateCost> ParetoFront(IEnumerable<CandidateCost> candidates)
    {
        var front = new List<CandidateCost>();
        var best = double.PositiveInfinity;
        foreach (var c in candidates.Where(c => c.IsCosted).OrderBy(c => c.Cycles).ThenBy(c => c.EnergyPj).ThenBy(c => c.Tiling.Index))
        {
            if (c.EnergyPj < best)
            {
                front.Add(c);
                best = c.EnergyPj!.Value;
            }
        }

        return front;
    }

    /// <summary>Parses <c>cycles</c>, <c>energy</c> or <c>edp</c>.</summary>
    /// <exception cref="InputException">Any other word.</exception>
    public static SearchObjective ParseObjective(string text) => text switch
    {
        "cycles" => SearchObjective.Cycles,
        "energy" => SearchObjective.Energy,
        "edp" => SearchObjective.Edp,
        _ => throw new InputException("--objective", string.Empty, $"unknown objective '{text}' (cycles, energy or edp)", hint: NameHints.DidYouMean(text, ["cycles", "energy", "edp"])),
    };
}
