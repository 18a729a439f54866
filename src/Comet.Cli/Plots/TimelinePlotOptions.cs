namespace Comet.Cli.Plots;

/// <summary>Size and resolution of the timeline plot.</summary>
public sealed record TimelinePlotOptions
{
    /// <summary>Image width in pixels; bins are also merged pairwise (down to 128 per lane) until no more of them are drawn than this.</summary>
    public int WidthPixels { get; init; } = 1600;

    /// <summary>Height given to each lane, in pixels.</summary>
    public int LaneHeightPixels { get; init; } = 28;

    /// <summary>Largest image height; with many lanes each lane gets less than <see cref="LaneHeightPixels"/> (at least 6 pixels).</summary>
    public int MaxHeightPixels { get; init; } = 12_000;

    /// <summary>Pixels added to the lanes' height for the title, axis and legend.</summary>
    public int ExtraHeightPixels { get; init; } = 200;

    /// <summary>Most lanes drawn for one component: with more instances, consecutive instances share a lane (labelled e.g. <c>SE[0-15]</c>) showing their combined time; zero or less draws every instance.</summary>
    public int MaxLanesPerComponent { get; init; } = 16;

    /// <summary>Most time bins kept per lane (a power of two); bounds memory and the number of drawn segments.</summary>
    public int MaxBinsPerLane { get; init; } = 2048;

    /// <summary>Most segments drawn in all; beyond it bins are merged pairwise (down to 128 per lane) so the SVG stays a sensible size.</summary>
    public int MaxSegments { get; init; } = 200_000;

    /// <summary>Title above the plot; null uses the trace file's name.</summary>
    public string? Title { get; init; }
}
