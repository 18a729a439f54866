namespace Comet.Cli.Plots;

/// <summary>One drawn stretch of a lane: cycles [<paramref name="Start"/>, <paramref name="End"/>) dominated by <paramref name="Category"/>.</summary>
/// <param name="Start">First cycle of the stretch.</param>
/// <param name="End">Cycle after the last one of the stretch.</param>
/// <param name="Category">The category that covers most of the stretch.</param>
public readonly record struct TimelineSegment(long Start, long End, TimelineCategory Category);
