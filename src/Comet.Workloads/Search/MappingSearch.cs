namespace Comet.Workloads.Search;

/// <summary>Enumerates a search space (or one shard of it) and costs every candidate with the analytical model, in parallel, in-process, handing the results on in index order one window at a time.</summary>
public static class MappingSearch
{
    /// <summary>Candidates enumerated and costed together before they are handed on (the memory a search holds besides what its consumer keeps).</summary>
    public const int DefaultWindow = 4096;

    /// <summary>Candidates one thread costs at a time inside a window.</summary>
    private const int ChunkSize = 64;

    /// <summary>Costs the candidates of <paramref name="shard"/> in index order (the first <paramref name="limit"/> of them), <paramref name="window"/> at a time on <paramref name="jobs"/> threads, and hands each to <paramref name="consumer"/> in index order on the calling thread; returns how many there were.</summary>
    /// <remarks><paramref name="progress"/> hears (indices walked, indices in the shard) after every window, or (candidates, limit) when a limit is below the shard's index count.</remarks>
    public static long Stream(SearchSetup setup, ShardSpec shard, int jobs, Action<CandidateCost> consumer, Action<long, long>? progress, CancellationToken token, long limit = long.MaxValue, int window = DefaultWindow)
    {
        ArgumentNullException.ThrowIfNull(setup);
        ArgumentNullException.ThrowIfNull(shard);
        ArgumentNullException.ThrowIfNull(consumer);
        ArgumentOutOfRangeException.ThrowIfLessThan(window, 1);
        var evaluator = new CandidateEvaluator(setup);
        var indices = (setup.Space.Size - shard.Index + shard.Count - 1) / shard.Count;
        var byLimit = limit < indices;
        var tilings = new Tiling[window];
        var results = new CandidateCost[window];
        var options = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, jobs), CancellationToken = token };
        using var candidates = setup.Space.Enumerate(shard).GetEnumerator();
        long count = 0;
        var more = true;
        while (more && count < limit)
        {
            var n = 0;
            while (n < window && count + n < limit && (more = candidates.MoveNext()))
            {
                tilings[n++] = candidates.Current;
            }

            var chunks = (n + ChunkSize - 1) / ChunkSize;
            Parallel.For(0, chunks, options, c =>
            {
                var end = Math.Min(n, (c + 1) * ChunkSize);
                for (var i = c * ChunkSize; i < end; i++)
                {
                    results[i] = evaluator.Cost(tilings[i]);
                }
            });
            var last = n > 0 ? tilings[n - 1].Index : 0;
            for (var i = 0; i < n; i++)
            {
                consumer(results[i]);
                results[i] = null!;
                tilings[i] = null!;
            }

            count += n;
            if (n > 0)
            {
                progress?.Invoke(byLimit ? count : Math.Min(indices, ((last - shard.Index) / shard.Count) + 1), byLimit ? limit : indices);
            }
        }

        progress?.Invoke(byLimit ? limit : indices, byLimit ? limit : indices);
        return count;
    }

    /// <summary>The candidates of <paramref name="shard"/> in index order (the first <paramref name="limit"/> of them), each pruned or costed, as one list (for tests and small spaces; a search streams them with <see cref="Stream"/>).</summary>
    public static IReadOnlyList<CandidateCost> Run(SearchSetup setup, ShardSpec shard, int jobs, Action<long, long>? progress, CancellationToken token, int limit = int.MaxValue, int window = DefaultWindow)
    {
        var results = new List<CandidateCost>();
        Stream(setup, shard, jobs, results.Add, progress, token, limit, window);
        return results;
    }
}
