using System.Text;
using Comet.Reports.Sweeps;
using Comet.Workloads.Search;

namespace Comet.Reports.Search;

/// <summary>The end of a search, unsharded or merged: ranks the candidates, writes and simulates the top k, and re-ranks them by simulated cycles.</summary>
public static class SearchFinish
{
    /// <summary>Ranks <paramref name="candidates"/> by the objective and simulates the best <see cref="SearchParameters.Top"/> in case folders <c>top/NN-iINDEX/</c> (paths from <paramref name="pathFor"/>), at most <paramref name="jobs"/> at once.</summary>
    public static SearchOutcome Run(SearchSetup setup, SearchParameters parameters, IReadOnlyList<CandidateCost> candidates, Func<string, string> pathFor, long maxEvents, int jobs, CancellationToken token)
    {
        ArgumentNullException.ThrowIfNull(setup);
        ArgumentNullException.ThrowIfNull(parameters);
        var ranked = SearchRanking.Rank(candidates, parameters.Objective);
        var top = ranked.Take(Math.Max(0, parameters.Top)).ToList();
        var cases = top.Select((c, i) =>
        {
            var folder = WriteCase(pathFor, $"top/{i + 1:00}-i{c.Tiling.Index}", setup.Files(c.Tiling));
            return ValidationSweep.One(folder);
        }).ToList();
        var results = ValidationSweep.Run(cases, maxEvents, jobs, null, token);
        var simulated = top.Select((c, i) => (Candidate: c, Simulated: new SimulatedFigures(results[i].SimulatedCycles, results[i].SimulatedEnergyPj, results[i].Status)))
            .Select((t, rank) => (t, rank))
            .OrderBy(p => p.t.Simulated.Cycles is null ? 1 : 0)
            .ThenBy(p => p.t.Simulated.Cycles ?? 0)
            .ThenBy(p => p.rank)
            .Select(p => p.t)
            .ToList();
        return new SearchOutcome(candidates, ranked, simulated, simulated.Count > 0 ? simulated[0].Candidate : null);
    }

    /// <summary>Writes a case's files under <paramref name="folder"/> (relative; <paramref name="pathFor"/> gives each file's path) in UTF-8 without a byte-order mark, and returns the folder's full path.</summary>
    public static string WriteCase(Func<string, string> pathFor, string folder, IEnumerable<Workloads.Generation.GeneratedFile> files)
    {
        ArgumentNullException.ThrowIfNull(pathFor);
        ArgumentNullException.ThrowIfNull(files);
        string? root = null;
        foreach (var f in files)
        {
            var path = pathFor($"{folder}/{f.RelativePath}");
            File.WriteAllText(path, f.Text, new UTF8Encoding(false));
            root ??= path[..^f.RelativePath.Length];
        }

        return Path.TrimEndingDirectorySeparator(root ?? throw new ArgumentException("a case has files", nameof(files)));
    }
}
