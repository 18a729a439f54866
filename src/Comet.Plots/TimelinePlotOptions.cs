namespace Comet.Plots;

/// <summary>Size and resolution of the timeline plot.</summary>
public sealed record TimelinePlotOptions
{
    /// <summary>Image width in pixels; bins are also merged pairwise (down to 128 per lane) until no more of them are drawn than this.</summary>
    public int WidthPixels { get; init; } = 1600;

    /// <summary>Height given to each lane, in pixels.</summary>
    public int LaneHeightPixels { get; init; } = 28;

    /// <summary>Largest image height; with many lanes each lane gets less than <see cref="LaneHeightPixels"/> (at least 6 pixels).</summary>
    public int MaxHeightPixels { get; init; } = 12_000;

    /// <summary>Image height in pixels; null sizes it from the lanes (<see cref="LaneHeightPixels"/> each, up to <see cref="MaxHeightPixels"/>).</summary>
    public int? HeightPixels { get; init; }

    /// <summary>Pixels added to the lanes' height for the title, the cycle axes and the legends (at the top and at the bottom).</summary>
    public int ExtraHeightPixels { get; init; } = 260;

    /// <summary>First cycle drawn: activities are clipped to [<see cref="FromCycle"/>, <see cref="ToCycle"/>).</summary>
    public long FromCycle { get; init; }

    /// <summary>Cycle after the last one drawn; null draws to the last activity.</summary>
    public long? ToCycle { get; init; }

    /// <summary>Draws only the lanes whose name (<c>GEMM[3]</c>) this regular expression matches somewhere; null draws all.</summary>
    public System.Text.RegularExpressions.Regex? LanePattern { get; init; }

    /// <summary>The run's length in cycles, stated in the title; null states the last activity's end.</summary>
    public long? TotalCycles { get; init; }

    /// <summary>Most lanes drawn for one component: with more instances, consecutive instances share a lane (labelled e.g. <c>SE[0-15]</c>) showing their combined time; zero or less draws every instance.</summary>
    public int MaxLanesPerComponent { get; init; } = 16;

    /// <summary>Most time bins kept per lane (a power of two); bounds memory and the number of drawn segments.</summary>
    public int MaxBinsPerLane { get; init; } = 2048;

    /// <summary>Most segments drawn in all; beyond it bins are merged pairwise (down to 128 per lane) so the SVG stays a sensible size.</summary>
    public int MaxSegments { get; init; } = 200_000;

    /// <summary>A fresh accumulator for these options: their bin count, window and lane pattern.</summary>
    public TimelineAccumulator NewAccumulator() => new(MaxBinsPerLane, FromCycle, ToCycle, LanePattern);

    /// <summary>Name of the run, the start of the title (<c>ex_base: 3 858 370 cycles, 7 408 activities</c>); null uses the trace file's name.</summary>
    public string? Title { get; init; }
}
