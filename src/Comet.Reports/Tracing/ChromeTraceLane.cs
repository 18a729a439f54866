using Comet.Sim;

namespace Comet.Reports.Tracing;

/// <summary>One track of a component instance in a Chrome trace, remembering just enough of its recent slices to keep every slice on it strictly nested.</summary>
/// <remarks>
/// A lane accepts slices in non-decreasing end order only. Under that rule a slice contained in a later one can only
/// conflict with a future slice that ends exactly where the enclosing one ends, so the lane keeps a "frontier" of
/// disjoint, outermost slices, each with the span its forgotten descendants covered. The frontier is bounded: forgotten
/// slices move the horizon, and a slice starting before the horizon is conservatively refused (it goes to another lane).
/// A slice that starts in the same cycle as a shorter one already on the lane is refused too: Perfetto orders complete
/// events of equal timestamp by file order, so the longer one, written later, would be drawn inside the shorter.
/// </remarks>
internal sealed class ChromeTraceLane
{
    private const int MaxRetained = 512;

    // The frontier, oldest first, in an array rather than a List: a lane is touched once per slice, among thousands of lanes.
    private (long Start, long End, long InnerStart, long InnerEnd)[] _frontier = new (long, long, long, long)[8];
    private int _count;
    private long _maxEnd = long.MinValue;
    private long _horizon = long.MinValue;

    public ChromeTraceLane(int tid, int laneIndex)
    {
        Tid = tid;
        LaneIndex = laneIndex;
    }

    /// <summary>Chrome thread id of this lane.</summary>
    public int Tid { get; }

    /// <summary>0 for the instance's main lane, 1.. for extra lanes.</summary>
    public int LaneIndex { get; }

    /// <summary>Places [start, end) on this lane if it nests with everything already there; returns false otherwise.</summary>
    public bool TryPlace(long start, long end)
    {
        if (end < _maxEnd || start < _horizon)
            return false;
        // Walk back over the frontier: slices starting at or after `start` end no later than `end`, so they nest inside.
        var frontier = _frontier;
        var firstContained = _count;
        var innerStart = long.MaxValue;
        var innerEnd = long.MinValue;
        for (var i = _count - 1; i >= 0; i--)
        {
            ref readonly var f = ref frontier[i];
            if (f.Start == start && f.End < end)
                return false; // Perfetto orders X events of one timestamp by file order and would nest these inverted
            if (f.Start >= start)
            {
                // Ends no later than `end`: nests inside the new slice, which inherits it as a forgotten descendant.
                firstContained = i;
                innerStart = Math.Min(innerStart, f.Start);
                innerEnd = Math.Max(innerEnd, f.End);
                continue;
            }
            if (f.End > start)
            {
                if (f.End < end)
                    return false; // partial overlap: f.Start < start < f.End < end
                // Same end: the new slice sits inside f, and must not cut through f's forgotten descendants.
                if (start > f.InnerStart && start < f.InnerEnd)
                    return false;
                _maxEnd = end;
                return true;
            }
            break;
        }
        _maxEnd = end;
        _count = firstContained;
        if (_count == frontier.Length)
            Array.Resize(ref _frontier, Math.Min(_count * 2, MaxRetained + 1)); // never more than the frontier can hold
        _frontier[_count++] = (start, end, innerStart, innerEnd);
        if (_count > MaxRetained)
        {
            var drop = MaxRetained / 2;
            _horizon = Math.Max(_horizon, _frontier[drop - 1].End);
            Array.Copy(_frontier, drop, _frontier, 0, _count - drop);
            _count -= drop;
        }
        return true;
    }
}
