using Comet.Workloads.Search;

namespace Comet.Reports.Search;

/// <summary>The rows of a search's shards merged into index order: each shard's search.csv is already in index order, so a k-way merge streams them with one row per shard in memory.</summary>
public static class ShardRows
{
    /// <summary>The candidates of every shard folder's search.csv, read as candidates of <paramref name="space"/>, in index order.</summary>
    public static IEnumerable<CandidateCost> Merged(IEnumerable<string> folders, TilingSpace space)
    {
        ArgumentNullException.ThrowIfNull(folders);
        var readers = folders.Select(f => SearchCsv.Read(Path.Combine(f, "search.csv"), space).GetEnumerator()).ToList();
        try
        {
            var queue = new PriorityQueue<IEnumerator<CandidateCost>, long>();
            foreach (var r in readers.Where(r => r.MoveNext()))
            {
                queue.Enqueue(r, r.Current.Tiling.Index);
            }

            while (queue.TryDequeue(out var reader, out _))
            {
                yield return reader.Current;
                if (reader.MoveNext())
                {
                    queue.Enqueue(reader, reader.Current.Tiling.Index);
                }
            }
        }
        finally
        {
            foreach (var r in readers)
            {
                r.Dispose();
            }
        }
    }
}
