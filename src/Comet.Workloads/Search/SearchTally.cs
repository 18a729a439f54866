namespace Comet.Workloads.Search;

/// <summary>What the end of a search needs, kept as candidates arrive in index order: the counts, the best <see cref="TopCount"/> by the objective (ties by index, as <see cref="SearchRanking.Rank"/> orders them) and every costed candidate's cycles and energy.</summary>
/// <param name="objective">What the ranking minimizes.</param>
/// <param name="topCount">How many of the best to keep.</param>
public sealed class SearchTally(SearchObjective objective, int topCount)
{
    private readonly List<(double Score, CandidateCost Candidate)> top = [];
    private long lastIndex = -1;

    /// <summary>How many of the best are kept.</summary>
    public int TopCount { get; } = Math.Max(0, topCount);

    /// <summary>Candidates seen.</summary>
    public long Candidates { get; private set; }

    /// <summary>Candidates pruned (tiles that do not fit).</summary>
    public long Pruned { get; private set; }

    /// <summary>Candidates the model costed.</summary>
    public long Costed => Points.Count;

    /// <summary>Candidates neither pruned nor costed.</summary>
    public long Invalid => Candidates - Pruned - Costed;

    /// <summary>Every costed candidate's cycles and energy, in index order.</summary>
    public CostedPoints Points { get; } = new();

    /// <summary>The best costed candidates so far, best first (at most <see cref="TopCount"/>).</summary>
    public IReadOnlyList<CandidateCost> Top => [.. top.Select(t => t.Candidate)];

    /// <summary>Counts <paramref name="candidate"/>, whose index must exceed every earlier one's.</summary>
    /// <exception cref="InvalidOperationException">The candidate arrived out of index order.</exception>
    public void Add(CandidateCost candidate)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        if (candidate.Tiling.Index <= lastIndex)
        {
            throw new InvalidOperationException($"candidate {candidate.Tiling.Index} after {lastIndex}: a tally takes candidates in index order");
        }

        lastIndex = candidate.Tiling.Index;
        Candidates++;
        if (candidate.Status.StartsWith("pruned", StringComparison.Ordinal))
        {
            Pruned++;
        }

        if (!candidate.IsCosted)
        {
            return;
        }

        Points.Add(candidate.Cycles!.Value, candidate.EnergyPj!.Value);
        var score = SearchRanking.Score(candidate, objective);

        // Every earlier candidate has a lower index, so one with an equal score stays ahead.
        var at = top.Count;
        while (at > 0 && score.CompareTo(top[at - 1].Score) < 0)
        {
            at--;
        }

        if (at < TopCount)
        {
            top.Insert(at, (score, candidate));
            if (top.Count > TopCount)
            {
                top.RemoveAt(top.Count - 1);
            }
        }
    }
}
