namespace Comet.Plots;

/// <summary>One drawn band of a lane: over cycles [<paramref name="Start"/>, <paramref name="End"/>) <paramref name="Category"/> takes the share <paramref name="Height"/> of the time, stacked from <paramref name="Bottom"/>.</summary>
/// <param name="Start">First cycle of the band.</param>
/// <param name="End">Cycle after the last one of the band.</param>
/// <param name="Category">What the lane is doing.</param>
/// <param name="Bottom">Where the band starts, as a fraction of the lane height from its bottom (the shares of the categories stacked below).</param>
/// <param name="Height">The category's share of those cycles, as a fraction of the lane height (1 = busy with it all the time).</param>
public readonly record struct TimelineSegment(long Start, long End, TimelineCategory Category, double Bottom, double Height);
