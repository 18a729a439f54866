using Comet.Reports.Tracing;
using Comet.Workloads.Inputs;

namespace Comet.Reports.Runs;

/// <summary>Estimates, before a run, how many rows its trace gets and how many bytes its trace files take, from the mapping's loop factors alone.</summary>
/// <remarks>
/// Walking the mapping tree, every DataMovement node moves each of its entries once per iteration (a temporal loop) or per
/// fan-out instance (a spatial one), and each move leaves two rows (the parent's port and the child's); a leaf adds one
/// compute row per invocation; a collective one row per participant per invocation. Stalls and the link hops of a move are
/// not counted and merging back-to-back repeats (trace level <c>full</c>) removes rows, so this is an order of magnitude,
/// not a count: 0.83 to 1.44 times the raw rows on the reference cases (see docs/simulator.md). Bytes are rows times the measured mean row size of each format.
/// </remarks>
public static class TraceSizeEstimate
{
    /// <summary>Estimate of the rows of an unmerged trace of <paramref name="mapping"/> (saturating at <see cref="long.MaxValue"/>); <paramref name="streamLeaves"/> as <c>--leaf-ports stream</c>.</summary>
    public static long Rows(Mapping mapping, bool streamLeaves)
    {
        ArgumentNullException.ThrowIfNull(mapping);
        return Rows(mapping.Root, 1, streamLeaves);
    }

    /// <summary>Estimated bytes of the trace files of <paramref name="formats"/> for <paramref name="rows"/> rows.</summary>
    public static long Bytes(long rows, SimulationTraceFormats formats)
    {
        long perRow = TraceFileFormats.In(formats).Sum(f => (long)f.BytesPerRow);
        return rows > long.MaxValue / Math.Max(perRow, 1) ? long.MaxValue : rows * perRow;
    }

    // Rows of `node` entered `runs` times in all (over every instance of its parents).
    private static long Rows(MappingNode node, long runs, bool streamLeaves)
    {
        switch (node)
        {
            case DataMovementTileNode move:
            {
                // A loop's trip count is the largest factor product of its entries (entries of other tags repeat less).
                long trips = 1;
                foreach (var entry in move.Entries)
                {
                    trips = Math.Max(trips, entry.FactorProduct);
                }

                var childRuns = Times(runs, trips);
                if (move.IsLeaf && streamLeaves)
                {
                    // A streaming leaf writes one row per port and one compute row per invocation, whatever its trip count.
                    return Times(runs, (2L * move.Entries.Count) + 1);
                }

                var rows = Times(childRuns, 2L * move.Entries.Count);
                if (move.IsLeaf)
                {
                    // Tile by tile, the engine computes once per iteration.
                    return Plus(rows, childRuns);
                }

                foreach (var child in move.Children)
                {
                    rows = Plus(rows, Rows(child, childRuns, streamLeaves));
                }

                return rows;
            }

            case CollectiveOperationNode collective:
                return Times(runs, Math.Max(1, collective.SpatialFactor));

            default:
                return 0;
        }
    }

    private static long Times(long a, long b) => a != 0 && b > long.MaxValue / a ? long.MaxValue : a * b;

    private static long Plus(long a, long b) => a > long.MaxValue - b ? long.MaxValue : a + b;
}
