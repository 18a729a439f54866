using System.Globalization;
using Comet.Hardware.Inputs;
using Comet.Reports.Search;
using Comet.Workloads.Generation;
using Comet.Workloads.Search;

namespace Comet.Reports.Reproduce;

/// <summary>The best case by <c>comet search</c>: the authors' tiling space costed by the model, its top k simulated and re-ranked by simulated cycles; templates that cannot be searched fall back to another source.</summary>
/// <param name="top">Candidates simulated per search.</param>
/// <param name="jobs">Threads costing candidates and simulations at once.</param>
/// <param name="maxEvents">Event budget of each top-k simulation.</param>
/// <param name="pathFor">Where to write a file given its path relative to the output folder (each search goes under <c>searches/&lt;case&gt;/</c>: search.csv and top/, which <c>calibrate --from-search</c> reads).</param>
/// <param name="fallback">The source of templates that are not searchable.</param>
/// <param name="log">Hears one line per search (or null).</param>
/// <param name="token">Stops the costing and the simulations when cancelled.</param>
public sealed class SearchBestCase(int top, int jobs, long maxEvents, Func<string, string> pathFor, IBestCaseSource fallback, Action<string>? log, CancellationToken token) : IBestCaseSource
{
    /// <summary>The default number of candidates simulated per search in <c>comet reproduce</c> (kept small: every row runs two searches).</summary>
    public const int DefaultTop = 3;

    /// <summary>The number <c>comet reproduce --quick</c> simulates per search: the model's best alone (the quick budget is one minute).</summary>
    public const int QuickTop = 1;

    /// <inheritdoc/>
    public string Name => "search";

    /// <inheritdoc/>
    public BestCase Find(BestCaseQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var template = CompoundTemplates.Find(query.Operation);
        if (template is not ISearchableTemplate searchable)
        {
            var chosen = fallback.Find(query);
            return chosen with { ChosenBy = $"{chosen.ChosenBy} ({template.Name} is not searchable)" };
        }

        var setup = searchable.Searchable(new GenerationRequest(query.Operation, query.Preset, query.Shape, query.Fused), wide: false);
        var shape = string.Join("x", template.ShapeDimensions.Where(query.Shape.ContainsKey).Select(d => query.Shape[d].ToString(CultureInfo.InvariantCulture)));
        var parameters = new SearchParameters(query.Operation, query.Preset, shape, query.Fused, false, SearchObjective.Cycles, top);
        var folder = $"searches/{query.CaseName}";
        // The rows wait outside the output folder: a search in which nothing fits writes no folder, as before.
        using var recorder = new SearchRecorder(setup.Space, parameters.Objective, top, Path.Combine(Path.GetTempPath(), $"comet-search-{Guid.NewGuid():N}.csv{SearchRecorder.PartialSuffix}"));
        MappingSearch.Stream(setup, ShardSpec.Whole, jobs, recorder.Add, null, token);
        var tally = recorder.Tally;
        if (tally.Costed == 0)
        {
            throw new InputException("search", string.Empty, $"none of the {tally.Candidates.ToString(CultureInfo.InvariantCulture)} tilings of the search space fits");
        }

        var outcome = SearchFinish.Run(setup, parameters, tally, p => pathFor($"{folder}/{p}"), maxEvents, jobs, token);
        recorder.Complete(pathFor($"{folder}/search.csv"), outcome.Simulated);
        var winner = outcome.Winner!;
        log?.Invoke($"search {query.CaseName}: {tally.Costed.ToString(CultureInfo.InvariantCulture)} of {tally.Candidates.ToString(CultureInfo.InvariantCulture)} tilings fit; best of the top {outcome.Top.Count.ToString(CultureInfo.InvariantCulture)} by simulated cycles: index {winner.Tiling.Index.ToString(CultureInfo.InvariantCulture)}");
        return new BestCase(new GeneratedCase(setup.Files(winner.Tiling), []), Name);
    }
}
