namespace Comet.Plots;

/// <summary>Places point labels so that none overlaps another label, a marker or the plot's border: each takes the first free spot around its point, or none.</summary>
/// <remarks>
/// Greedy, in the order given: a label tries eight spots around its point (right, left, above, below, then the four
/// corners), first close to the marker, then one step further out. A label with no free spot is left out (the caller
/// lists it elsewhere), so the guarantee holds however the points crowd together.
/// </remarks>
public static class LabelPlacer
{
    /// <summary>Returns, for each label, the rectangle it takes, or null when no spot is free.</summary>
    /// <param name="anchors">Each label's point, in pixels.</param>
    /// <param name="sizes">Each label's width and height, in pixels.</param>
    /// <param name="area">The rectangle labels must stay inside (the data area, less a margin).</param>
    /// <param name="markerRadius">Half the size of a point's marker; no label covers any marker.</param>
    public static IReadOnlyList<LabelBox?> Place(IReadOnlyList<(double X, double Y)> anchors, IReadOnlyList<(double Width, double Height)> sizes, LabelBox area, double markerRadius)
    {
        ArgumentNullException.ThrowIfNull(anchors);
        ArgumentNullException.ThrowIfNull(sizes);
        if (anchors.Count != sizes.Count)
        {
            throw new ArgumentException("one size per anchor", nameof(sizes));
        }

        var markers = anchors.Select(a => new LabelBox(a.X - markerRadius, a.Y - markerRadius, 2 * markerRadius, 2 * markerRadius)).ToList();
        var placed = new List<LabelBox>();
        var result = new LabelBox?[anchors.Count];
        for (var i = 0; i < anchors.Count; i++)
        {
            foreach (var candidate in Candidates(anchors[i], sizes[i], markerRadius))
            {
                if (candidate.IsInside(area) && !placed.Any(candidate.Overlaps) && !markers.Any(candidate.Overlaps))
                {
                    result[i] = candidate;
                    placed.Add(candidate);
                    break;
                }
            }
        }

        return result;
    }

    // The spots around a point, nearest first.
    private static IEnumerable<LabelBox> Candidates((double X, double Y) p, (double Width, double Height) size, double markerRadius)
    {
        var (w, h) = size;
        foreach (var gap in new[] { markerRadius + 2, markerRadius + 2 + h })
        {
            yield return new LabelBox(p.X + gap, p.Y - (h / 2), w, h);          // right
            yield return new LabelBox(p.X - gap - w, p.Y - (h / 2), w, h);      // left
            yield return new LabelBox(p.X - (w / 2), p.Y - gap - h, w, h);      // above
            yield return new LabelBox(p.X - (w / 2), p.Y + gap, w, h);          // below
            yield return new LabelBox(p.X + gap, p.Y - gap - h, w, h);          // upper right
            yield return new LabelBox(p.X + gap, p.Y + gap, w, h);              // lower right
            yield return new LabelBox(p.X - gap - w, p.Y - gap - h, w, h);      // upper left
            yield return new LabelBox(p.X - gap - w, p.Y + gap, w, h);          // lower left
        }
    }
}
