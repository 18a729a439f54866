namespace Comet.Fuzzing;

/// <summary>Counts of a fuzz run by outcome and by mutation kind, plus the bugs found.</summary>
/// <param name="Seed">The plan's seed.</param>
/// <param name="Cases">Cases run.</param>
/// <param name="ByOutcome">Cases per outcome.</param>
/// <param name="ByKind">Cases per mutation kind.</param>
/// <param name="Bugs">The results that are bugs, in index order.</param>
public sealed record FuzzSummary(int Seed, int Cases, IReadOnlyDictionary<FuzzOutcome, int> ByOutcome, IReadOnlyDictionary<YamlMutationKind, int> ByKind, IReadOnlyList<FuzzResult> Bugs)
{
    /// <summary>Summarizes <paramref name="results"/>.</summary>
    public static FuzzSummary Of(int seed, IReadOnlyList<FuzzResult> results) => new(
        seed,
        results.Count,
        Enum.GetValues<FuzzOutcome>().ToDictionary(o => o, o => results.Count(r => r.Outcome == o)),
        Enum.GetValues<YamlMutationKind>().ToDictionary(k => k, k => results.Count(r => r.Case.Mutation.Kind == k)),
        results.Where(r => r.IsBug).OrderBy(r => r.Case.Index).ToList());
}
