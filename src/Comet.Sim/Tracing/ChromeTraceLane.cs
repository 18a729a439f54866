namespace Comet.Sim;

/// <summary>One track of a component instance in a Chrome trace, remembering just enough of its recent slices to keep every slice on it strictly nested.</summary>
/// <remarks>
/// A lane accepts slices in non-decreasing end order only. Under that rule a slice contained in a later one can never
/// conflict with any future slice that the later one does not conflict with, so the lane keeps only a "frontier" of
/// disjoint, outermost slices. The frontier is bounded: forgotten slices move the horizon, and a slice starting before
/// the horizon is conservatively refused (it goes to another lane) rather than checked.
/// </remarks>
internal sealed class ChromeTraceLane
{
    private const int MaxRetained = 512;

    private readonly List<(long Start, long End)> _frontier = new();
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
        var firstContained = _frontier.Count;
        var containedInExisting = false;
        for (var i = _frontier.Count - 1; i >= 0; i--)
        {
            var (s, e) = _frontier[i];
            if (s >= start)
            {
                firstContained = i;
                continue;
            }
            if (e > start)
            {
                if (e < end)
                    return false; // partial overlap: s < start < e < end
                containedInExisting = true; // e == end: the new slice sits inside this one
            }
            break;
        }
        _maxEnd = end;
        if (containedInExisting)
            return true;
        _frontier.RemoveRange(firstContained, _frontier.Count - firstContained);
        _frontier.Add((start, end));
        if (_frontier.Count > MaxRetained)
        {
            var drop = MaxRetained / 2;
            _horizon = Math.Max(_horizon, _frontier[drop - 1].End);
            _frontier.RemoveRange(0, drop);
        }
        return true;
    }
}
