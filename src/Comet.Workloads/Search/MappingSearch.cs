namespace Comet.Workloads.Search;

/// <summary>Enumerates a search space (or one shard of it) and costs every candidate with the analytical model, in parallel, in-process.</summary>
public static class MappingSearch
{
    /// <summary>Candidates costed between two progress reports.</summary>
    private const int ChunkSize = 64;

    /// <summary>The candidates of <paramref name="shard"/> in index order (the first <paramref name="limit"/> of them), each pruned or costed; <paramref name="progress"/> hears (done, total) after every chunk.</summary>
    public static IReadOnlyList<CandidateCost> Run(SearchSetup setup, ShardSpec shard, int jobs, Action<long, long>? progress, CancellationToken token, int limit = int.MaxValue)
    {
        ArgumentNullException.ThrowIfNull(setup);
        ArgumentNullException.ThrowIfNull(shard);
        var evaluator = new CandidateEvaluator(setup);
        var tilings = setup.Space.Enumerate(shard).Take(limit).ToList();
        var results = new CandidateCost[tilings.Count];
        var chunks = (tilings.Count + ChunkSize - 1) / ChunkSize;
        long done = 0;
        var options = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, jobs), CancellationToken = token };
        Parallel.For(0, chunks, options, c =>
        {
            var end = Math.Min(tilings.Count, (c + 1) * ChunkSize);
            for (var i = c * ChunkSize; i < end; i++)
            {
                results[i] = evaluator.Cost(tilings[i]);
            }

            progress?.Invoke(Interlocked.Add(ref done, end - (c * ChunkSize)), tilings.Count);
        });
        return results;
    }
}
