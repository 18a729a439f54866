namespace Comet.Plots;

/// <summary>Folds trace activities into a fixed number of time bins per lane, so memory stays flat however long the trace is.</summary>
/// <remarks>
/// Every lane shares one bin width. It starts at one cycle and doubles (adjacent bins are summed pairwise)
/// whenever an activity ends past the last bin, so one pass over the trace suffices and no row is kept.
/// </remarks>
public sealed class TimelineAccumulator
{
    private static readonly int CategoryCount = Enum.GetValues<TimelineCategory>().Length;

    /// <summary>The largest cycle an activity may end at (2^61, so bin arithmetic never overflows).</summary>
    public const long MaxCycle = 1L << 61;

    private readonly int _binCount;
    private readonly Dictionary<(string Component, int Instance), long[]?[]> _lanes = new();
    private readonly List<(string Component, int Instance)> _order = new();
    private readonly System.Text.RegularExpressions.Regex? _lanePattern;
    private readonly HashSet<(string Component, int Instance)> _excluded = new();
    private readonly long _windowEnd;

    /// <summary>Creates an accumulator with at most <paramref name="binCount"/> bins per lane (rounded up to a power of two, at least 16).</summary>
    /// <param name="binCount">Most bins per lane.</param>
    /// <param name="fromCycle">First cycle kept: activities are clipped to [<paramref name="fromCycle"/>, <paramref name="toCycle"/>) and those outside dropped.</param>
    /// <param name="toCycle">Cycle after the last one kept; null keeps everything from <paramref name="fromCycle"/> on, and the timeline then ends at the last activity.</param>
    /// <param name="lanePattern">Keeps only lanes whose name (<c>GEMM[3]</c>) the pattern matches somewhere; null keeps all.</param>
    public TimelineAccumulator(int binCount = 2048, long fromCycle = 0, long? toCycle = null, System.Text.RegularExpressions.Regex? lanePattern = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(fromCycle);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(fromCycle, MaxCycle);
        if (toCycle is { } to)
        {
            ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(to, fromCycle, nameof(toCycle));
        }

        _binCount = (int)Math.Max(16, System.Numerics.BitOperations.RoundUpToPowerOf2((uint)Math.Max(binCount, 1)));
        FromCycle = fromCycle;
        _windowEnd = Math.Min(toCycle ?? MaxCycle, MaxCycle);
        _lanePattern = lanePattern;
        if (toCycle is not null)
        {
            // A window drawn to its end even where nothing happens, so its axis reads as asked.
            EndCycle = _windowEnd - fromCycle;
            while (EndCycle > BinWidthCycles * (long)_binCount)
            {
                BinWidthCycles *= 2;
            }
        }
    }

    /// <summary>The cycle bin 0 starts at: activities are kept relative to it, and the plot adds it back on the axis.</summary>
    public long FromCycle { get; }

    /// <summary>Cycles covered by one bin.</summary>
    public long BinWidthCycles { get; private set; } = 1;

    /// <summary>Number of bins per lane.</summary>
    public int BinCount => _binCount;

    /// <summary>The largest end cycle seen (relative to <see cref="FromCycle"/>), or the window's length when it has an end.</summary>
    public long EndCycle { get; private set; }

    /// <summary>Number of activities kept (in the window and on a kept lane).</summary>
    public long Activities { get; private set; }

    /// <summary>The lanes, one per component instance, grouped by component in order of first appearance, instances ascending.</summary>
    /// <remarks>First appearance follows the data flow of the run (DRAM, buffers, engines, NoC), which reads better than alphabetical order.</remarks>
    public IReadOnlyList<(string Component, int Instance)> Lanes
    {
        get
        {
            var rank = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var (component, _) in _order)
            {
                rank.TryAdd(component, rank.Count);
            }

            return _order.OrderBy(l => rank[l.Component]).ThenBy(l => l.Instance).ToList();
        }
    }

    /// <summary>Adds one activity of a lane covering cycles [<paramref name="start"/>, <paramref name="end"/>), clipped to the window; it is dropped when it lies outside the window or its lane is not kept.</summary>
    public void Add(string component, int instance, long start, long end, TimelineCategory category)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        ArgumentOutOfRangeException.ThrowIfLessThan(end, start);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(end, MaxCycle);

        // An activity counts when it shares a cycle with the window; an instant one when it falls inside it.
        var inWindow = end > start ? start < _windowEnd && end > FromCycle : start >= FromCycle && start < _windowEnd;
        if (!inWindow)
        {
            return;
        }

        start = Math.Max(start, FromCycle) - FromCycle;
        end = Math.Min(end, _windowEnd) - FromCycle;

        // Lanes left out still extend the time axis: it spans the run (or window), whichever lanes are drawn.
        if (end > EndCycle)
        {
            EndCycle = end;
        }

        while (end > BinWidthCycles * (long)_binCount)
        {
            Coarsen();
        }

        var bins = Lane(component, instance);
        if (bins is null)
        {
            return;
        }

        Activities++;
        if (end == start)
        {
            return;
        }

        // Bins are allocated per category on first use: most lanes only ever do one or two kinds of thing.
        var coverage = bins[(int)category] ??= new long[_binCount];
        var w = BinWidthCycles;
        var first = start / w;
        var last = (end - 1) / w;
        if (first == last)
        {
            coverage[first] += end - start;
            return;
        }

        coverage[first] += ((first + 1) * w) - start;
        for (var b = first + 1; b < last; b++)
        {
            coverage[b] += w;
        }

        coverage[last] += end - (last * w);
    }

    /// <summary>Cycles of <paramref name="category"/> summed over the lane (overlapping activities count each).</summary>
    public long TotalCycles(string component, int instance, TimelineCategory category) =>
        _lanes.TryGetValue((component, instance), out var bins) && bins[(int)category] is { } coverage ? coverage.Sum() : 0;

    /// <summary>Returns the lane's drawn bands: in each bin the categories stack with heights equal to their share of the bin (in steps of 1/<see cref="HeightSteps"/>), and equal neighbours merge.</summary>
    /// <remarks>
    /// At fine resolution a bin is all one activity and bands are full height; zoomed out, a lane becomes a small stacked
    /// area chart, so an engine that waits 10 % of the time for collectives shows a red band a tenth of the lane high
    /// instead of vanishing or looking always idle.
    /// </remarks>
    public IReadOnlyList<TimelineSegment> Segments(string component, int instance)
    {
        var result = new List<TimelineSegment>();
        if (!_lanes.TryGetValue((component, instance), out var bins))
        {
            return result;
        }

        Walk(bins, 1, result);
        result.Sort((x, y) => x.Start != y.Start ? x.Start.CompareTo(y.Start) : x.Bottom.CompareTo(y.Bottom));
        return result;
    }

    /// <summary>Returns the drawn bands of a lane of one or more instances: each category's share of the instances' combined time, as <see cref="Segments(string, int)"/> gives for one.</summary>
    public IReadOnlyList<TimelineSegment> Segments(TimelineLane lane)
    {
        ArgumentNullException.ThrowIfNull(lane);
        if (lane.Instances.Count == 1)
        {
            return Segments(lane.Component, lane.Instances[0]);
        }

        var result = new List<TimelineSegment>();
        Walk(Combined(lane), lane.Instances.Count, result);
        result.Sort((x, y) => x.Start != y.Start ? x.Start.CompareTo(y.Start) : x.Bottom.CompareTo(y.Bottom));
        return result;
    }

    /// <summary>The number of segments <see cref="Segments(TimelineLane)"/> returns, summed over <paramref name="lanes"/>, counted without building them.</summary>
    public long SegmentCount(IReadOnlyList<TimelineLane> lanes)
    {
        ArgumentNullException.ThrowIfNull(lanes);
        long count = 0;
        foreach (var lane in lanes)
        {
            if (lane.Instances.Count == 1)
            {
                count += _lanes.TryGetValue((lane.Component, lane.Instances[0]), out var bins) ? Walk(bins, 1, null) : 0;
            }
            else
            {
                count += Walk(Combined(lane), lane.Instances.Count, null);
            }
        }

        return count;
    }

    /// <summary>Cycles of <paramref name="category"/> summed over the instances of <paramref name="lane"/>.</summary>
    public long TotalCycles(TimelineLane lane, TimelineCategory category)
    {
        ArgumentNullException.ThrowIfNull(lane);
        long total = 0;
        foreach (var instance in lane.Instances)
        {
            total += TotalCycles(lane.Component, instance, category);
        }

        return total;
    }

    // The bins of the lane's instances summed, category by category.
    private long[]?[] Combined(TimelineLane lane)
    {
        var combined = new long[CategoryCount][];
        foreach (var instance in lane.Instances)
        {
            if (!_lanes.TryGetValue((lane.Component, instance), out var bins))
            {
                continue;
            }

            for (var c = 0; c < CategoryCount; c++)
            {
                if (bins[c] is not { } coverage)
                {
                    continue;
                }

                var sum = combined[c] ??= new long[_binCount];
                for (var b = 0; b < sum.Length; b++)
                {
                    sum[b] += coverage[b];
                }
            }
        }

        return combined;
    }

    // Finds the segments of a lane of `instances` instances whose summed bins are `bins`, adding them to result unless it
    // is null; returns how many there are.
    private int Walk(long[]?[] bins, int instances, List<TimelineSegment>? result)
    {
        var count = 0;
        var w = BinWidthCycles;
        var used = (int)Math.Min(_binCount, (EndCycle + w - 1) / w);
        var open = new (long Start, int Bottom, int Height)?[CategoryCount];
        var heights = new int[CategoryCount];
        for (var b = 0; b <= used; b++)
        {
            var binStart = b * w;
            if (b < used)
            {
                var width = Math.Min(binStart + w, EndCycle) - binStart;
                Quantize(bins, b, width > long.MaxValue / instances ? long.MaxValue : width * instances, heights);
            }
            else
            {
                Array.Clear(heights);
            }

            var bottom = 0;
            foreach (var c in Stack)
            {
                var height = heights[(int)c];
                var current = open[(int)c];
                if (current is { } run && (run.Height != height || run.Bottom != bottom))
                {
                    result?.Add(new TimelineSegment(run.Start, Math.Min(binStart, EndCycle), c, run.Bottom / (double)HeightSteps, run.Height / (double)HeightSteps));
                    count++;
                    open[(int)c] = null;
                }

                if (height > 0 && open[(int)c] is null)
                {
                    open[(int)c] = (binStart, bottom, height);
                }

                bottom += height;
            }
        }

        return count;
    }

    /// <summary>Heights are multiples of one over this number of the lane height.</summary>
    public const int HeightSteps = 16;

    /// <summary>Categories from the bottom of a lane to its top.</summary>
    public static readonly IReadOnlyList<TimelineCategory> StackOrder =
    [
        TimelineCategory.Compute, TimelineCategory.Collective, TimelineCategory.Transfer, TimelineCategory.Read,
        TimelineCategory.Write, TimelineCategory.Stall, TimelineCategory.CollectiveWait,
    ];

    // The same order as an array, so the per-bin loop of Walk needs no enumerator.
    private static readonly TimelineCategory[] Stack = [.. StackOrder];

    private static void Quantize(long[]?[] bins, int bin, long width, int[] heights)
    {
        long busy = 0;
        for (var c = 0; c < bins.Length; c++)
        {
            busy += bins[c]?[bin] ?? 0;
        }

        // Overlapping activities (a buffer read while it is written) can cover more than the bin: share the lane then.
        var scale = Math.Max(busy, width);
        for (var c = 0; c < bins.Length; c++)
        {
            var cycles = bins[c]?[bin] ?? 0;
            var steps = (int)Math.Round(cycles * (double)HeightSteps / scale, MidpointRounding.AwayFromZero);
            heights[c] = cycles > 0 ? Math.Max(steps, 1) : 0;
        }

        // Rounding up the thin ones may overfill the lane: take the excess from the tallest band.
        var total = heights.Sum();
        while (total > HeightSteps)
        {
            var tallest = Array.IndexOf(heights, heights.Max());
            heights[tallest]--;
            total--;
        }
    }

    // The lane's bins, or null when the lane pattern leaves it out.
    private long[]?[]? Lane(string component, int instance)
    {
        if (!_lanes.TryGetValue((component, instance), out var bins))
        {
            if (_lanePattern is not null)
            {
                // Each lane is matched once; the regex never runs per row.
                if (_excluded.Contains((component, instance)))
                {
                    return null;
                }

                if (!_lanePattern.IsMatch(TimelineLane.NameOf(component, instance)))
                {
                    _excluded.Add((component, instance));
                    return null;
                }
            }

            bins = new long[CategoryCount][];

            _lanes.Add((component, instance), bins);
            _order.Add((component, instance));
        }

        return bins;
    }

    /// <summary>Bins that hold part of the run: the end cycle over the bin width, rounded up.</summary>
    public int UsedBins => (int)Math.Min(_binCount, (EndCycle + BinWidthCycles - 1) / BinWidthCycles);

    /// <summary>Doubles the bin width, summing neighbouring bins (used to bound the number of drawn segments).</summary>
    public void Coarsen()
    {
        foreach (var bins in _lanes.Values)
        {
            foreach (var coverage in bins)
            {
                if (coverage is null)
                {
                    continue;
                }

                for (var i = 0; i < _binCount / 2; i++)
                {
                    coverage[i] = coverage[2 * i] + coverage[(2 * i) + 1];
                }

                Array.Clear(coverage, _binCount / 2, _binCount / 2);
            }
        }

        BinWidthCycles *= 2;
    }
}
