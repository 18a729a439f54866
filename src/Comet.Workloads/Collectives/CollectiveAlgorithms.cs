namespace Comet.Workloads.Collectives;

/// <summary>Builds the schedule of a collective under a chosen algorithm: direct (<see cref="CollectiveSchedule.Build"/>), ring, 2d, multicast, binomial, in-network or tree.</summary>
public static class CollectiveAlgorithms
{
    /// <summary>The algorithm that actually runs when <paramref name="choice"/> is asked for: 2d falls back to ring when the participants form no full grid, multicast to binomial without broadcast support, in-network to tree without reduction support.</summary>
    public static CollectiveAlgorithmChoice Runnable(CollectiveAlgorithmChoice choice, CollectiveLayout layout, bool broadcastSupport, bool reductionSupport) => choice switch
    {
        CollectiveAlgorithmChoice.TwoD when layout.Grid() is null => CollectiveAlgorithmChoice.Ring,
        CollectiveAlgorithmChoice.Multicast when !broadcastSupport => CollectiveAlgorithmChoice.Binomial,
        CollectiveAlgorithmChoice.InNetwork when !reductionSupport => CollectiveAlgorithmChoice.Tree,
        _ => choice,
    };

    /// <summary>The schedule of <paramref name="algorithm"/> run by <paramref name="choice"/> (one of <see cref="CollectiveAlgorithmNames.For"/>, already <see cref="Runnable"/>) among the participants of <paramref name="layout"/>, each holding <paramref name="bytes"/> (<paramref name="elements"/> elements).</summary>
    public static CollectiveSchedule Build(CollectiveAlgorithm algorithm, CollectiveAlgorithmChoice choice, CollectiveLayout layout, long bytes, long elements, bool broadcastSupport, bool reductionSupport)
    {
        var n = Math.Max(1, layout.Count);
        if (n == 1 || choice == CollectiveAlgorithmChoice.Direct)
        {
            return CollectiveSchedule.Build(algorithm, n, bytes, elements, broadcastSupport, reductionSupport) with { Choice = choice };
        }

        IEnumerable<CollectivePhase> phases = (algorithm, choice) switch
        {
            (CollectiveAlgorithm.Broadcast, CollectiveAlgorithmChoice.Multicast) => CollectiveSchedule.Build(algorithm, n, bytes, elements, true, reductionSupport).Phases,
            (CollectiveAlgorithm.Broadcast, CollectiveAlgorithmChoice.Binomial) => BinomialTree.Broadcast(n, bytes),
            (CollectiveAlgorithm.Reduce, CollectiveAlgorithmChoice.InNetwork) => CollectiveSchedule.Build(algorithm, n, bytes, elements, broadcastSupport, true).Phases,
            (CollectiveAlgorithm.Reduce, CollectiveAlgorithmChoice.Tree) => BinomialTree.Reduce(n, bytes, elements),
            (_, CollectiveAlgorithmChoice.Ring) => Ring(algorithm, [layout.Ring()], bytes, elements),
            (_, CollectiveAlgorithmChoice.TwoD) => TwoD(algorithm, layout.Grid() ?? throw new InvalidOperationException("2d needs a full participant grid"), bytes, elements),
            _ => throw new ArgumentOutOfRangeException(nameof(choice), choice, $"{CollectiveAlgorithmNames.Name(choice)} does not run {algorithm}"),
        };
        return new CollectiveSchedule(algorithm, n, [.. phases], choice);
    }

    /// <summary>Ring phases on <paramref name="rings"/> of p members: all-reduce = p−1 reduce-scatter steps of ⌈n/p⌉ then p−1 all-gather steps; all-gather = p−1 steps of n; reduce-scatter = p−1 steps of ⌈n/p⌉.</summary>
    private static IEnumerable<CollectivePhase> Ring(CollectiveAlgorithm algorithm, int[][] rings, long bytes, long elements)
    {
        var p = rings.Max(r => r.Length);
        var chunk = Ceil(bytes, p);
        var chunkElements = Ceil(elements, p);
        return algorithm switch
        {
            CollectiveAlgorithm.AllReduce => RingSteps.Steps("ring_reduce_scatter", rings, chunk, chunkElements, true).Concat(RingSteps.Steps("ring_all_gather", rings, chunk, 0, false)),
            CollectiveAlgorithm.AllGather => RingSteps.Steps("ring_all_gather", rings, bytes, 0, false),
            CollectiveAlgorithm.ReduceScatter => RingSteps.Steps("ring_reduce_scatter", rings, chunk, chunkElements, true),
            _ => throw new ArgumentOutOfRangeException(nameof(algorithm), algorithm, "ring runs all-reduce, all-gather and reduce-scatter"),
        };
    }

    /// <summary>2-D phases on a grid of X-member rows and Y-member columns: all-reduce = reduce-scatter along the rows (chunks ⌈n/X⌉), all-reduce of that chunk along the columns (chunks ⌈n/X/Y⌉), all-gather along the rows; all-gather = rows with n, then columns with X·n; reduce-scatter = rows, then columns.</summary>
    private static IEnumerable<CollectivePhase> TwoD(CollectiveAlgorithm algorithm, (int[][] Rows, int[][] Columns) grid, long bytes, long elements)
    {
        var x = grid.Rows[0].Length;
        var y = grid.Columns[0].Length;
        var rowChunk = Ceil(bytes, x);
        var rowElements = Ceil(elements, x);
        var columnChunk = Ceil(rowChunk, y);
        var columnElements = Ceil(rowElements, y);
        return algorithm switch
        {
            CollectiveAlgorithm.AllReduce => RingSteps.Steps("row_reduce_scatter", grid.Rows, rowChunk, rowElements, true)
                .Concat(RingSteps.Steps("column_reduce_scatter", grid.Columns, columnChunk, columnElements, true))
                .Concat(RingSteps.Steps("column_all_gather", grid.Columns, columnChunk, 0, false))
                .Concat(RingSteps.Steps("row_all_gather", grid.Rows, rowChunk, 0, false)),
            CollectiveAlgorithm.AllGather => RingSteps.Steps("row_all_gather", grid.Rows, bytes, 0, false)
                .Concat(RingSteps.Steps("column_all_gather", grid.Columns, bytes * x, 0, false)),
            CollectiveAlgorithm.ReduceScatter => RingSteps.Steps("row_reduce_scatter", grid.Rows, rowChunk, rowElements, true)
                .Concat(RingSteps.Steps("column_reduce_scatter", grid.Columns, columnChunk, columnElements, true)),
            _ => throw new ArgumentOutOfRangeException(nameof(algorithm), algorithm, "2d runs all-reduce, all-gather and reduce-scatter"),
        };
    }

    // ⌈a/b⌉ for a ≥ 0, b ≥ 1.
    private static long Ceil(long a, long b) => (a + b - 1) / Math.Max(1, b);
}
