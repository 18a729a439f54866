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

    /// <summary>The positions in <paramref name="points"/> of the costed candidates no other beats on both cycles and energy, by rising cycles (ties by energy, then by index).</summary>
    public static IReadOnlyList<int> ParetoFront(CostedPoints points)
    {
        ArgumentNullException.ThrowIfNull(points);
        var order = new int[points.Count];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        Array.Sort(order, (a, b) =>
        {
            var byCycles = points.Cycles(a).CompareTo(points.Cycles(b));
            var byEnergy = byCycles != 0 ? byCycles : points.EnergyPj(a).CompareTo(points.EnergyPj(b));
            return byEnergy != 0 ? byEnergy : a.CompareTo(b);
        });
        var front = new List<int>();
        var best = double.PositiveInfinity;
        foreach (var i in order)
        {
            if (points.EnergyPj(i) < best)
            {
                front.Add(i);
                best = points.EnergyPj(i);
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
