using System.Text;
using Comet.Reports.Sweeps;
using Comet.Workloads.Search;

namespace Comet.Reports.Search;

/// <summary>The end of a search, unsharded or merged: takes the best candidates the tally kept, writes and simulates the top k, and re-ranks them by simulated cycles.</summary>
public static class SearchFinish
{
    /// <summary>Simulates the tally's best candidates by the objective (the best <see cref="SearchParameters.Top"/>, the tally's top kept with that count) in case folders <c>top/NN-iINDEX/</c> (paths from <paramref name="pathFor"/>), at most <paramref name="jobs"/> at once, and re-ranks them by simulated cycles.</summary>
    public static SearchOutcome Run(SearchSetup setup, SearchParameters parameters, SearchTally tally, Func<string, string> pathFor, long maxEvents, int jobs, CancellationToken token)
    {
        ArgumentNullException.ThrowIfNull(setup);
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(tally);
        var top = tally.Top.Take(Math.Max(0, parameters.Top)).ToList();
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
        return new SearchOutcome(tally, simulated, simulated.Count > 0 ? simulated[0].Candidate : null);
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
