using System.Globalization;
using ScottPlot;

namespace Comet.Cli.Plots;

/// <summary>Renders a trace CSV as a timeline: one lane per component instance, activities coloured by kind, collective waits in red.</summary>
public static partial class TimelinePlot
{
    /// <summary>Fraction of a lane's pitch its bars fill; the rest separates lanes.</summary>
    private const double LaneFill = 0.76;

    private static readonly Color IdleColor = Color.FromHex("#EEEEEE");

    private static readonly TimelineCategory[] DrawOrder =
    [
        TimelineCategory.Compute, TimelineCategory.Read, TimelineCategory.Write, TimelineCategory.Transfer,
        TimelineCategory.Collective, TimelineCategory.Stall, TimelineCategory.CollectiveWait,
    ];

    /// <summary>Streams the trace at <paramref name="traceCsvPath"/> and writes the timeline as PNG and SVG.</summary>
    /// <exception cref="Comet.Hardware.Inputs.InputException">The trace is missing or malformed.</exception>
    public static void Render(string traceCsvPath, string pngPath, string svgPath, TimelinePlotOptions? options = null)
    {
        options ??= new TimelinePlotOptions();
        var accumulator = new TimelineAccumulator(options.MaxBinsPerLane);
        TimelineTraceReader.Read(traceCsvPath, accumulator);
        Render(accumulator, pngPath, svgPath, options with { Title = options.Title ?? $"Timeline of {Path.GetFileName(traceCsvPath)}" });
    }

    /// <summary>Writes the timeline of the activities in <paramref name="accumulator"/> as PNG and SVG; it may coarsen the accumulator's bins to fit <see cref="TimelinePlotOptions.MaxSegments"/>.</summary>
    /// <remarks>The accumulator should have been created with <see cref="TimelinePlotOptions.MaxBinsPerLane"/> bins, as the CSV overload does, for the two to draw the same picture.</remarks>
    public static void Render(TimelineAccumulator accumulator, string pngPath, string svgPath, TimelinePlotOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(accumulator);
        options ??= new TimelinePlotOptions();
        var title = options.Title ?? "Timeline";
        var drawn = TimelineLane.Group(accumulator.Lanes, options.MaxLanesPerComponent);
        using var plot = Build(accumulator, drawn, title, options.MaxSegments, options.WidthPixels);

        // The first build coarsened the bins as far as needed, so a second build draws the same picture; each file gets
        // its own plot and they are encoded on two threads (the PNG's rasterising and compression is the slow half).
        using var svgPlot = Build(accumulator, drawn, title, options.MaxSegments, options.WidthPixels);
        var lanes = Math.Max(drawn.Count, 1);
        var laneHeight = Math.Max(6, Math.Min(options.LaneHeightPixels, (options.MaxHeightPixels - options.ExtraHeightPixels) / lanes));
        var height = (lanes * laneHeight) + options.ExtraHeightPixels;
        Parallel.Invoke(
            () => plot.SavePng(pngPath, options.WidthPixels, height),
            () =>
            {
                svgPlot.SaveSvg(svgPath, options.WidthPixels, height);
                PlotStyle.RenumberClipPaths(svgPath);
            });
    }

    /// <summary>The colour a category is drawn in.</summary>
    public static Color ColorOf(TimelineCategory category) => category switch
    {
        TimelineCategory.Read => Color.FromHex("#4E79A7"),
        TimelineCategory.Write => Color.FromHex("#F28E2B"),
        TimelineCategory.Transfer => Color.FromHex("#76B7B2"),
        TimelineCategory.Compute => Color.FromHex("#59A14F"),
        TimelineCategory.Collective => Color.FromHex("#B07AA1"),
        TimelineCategory.Stall => Color.FromHex("#BAB0AC"),
        TimelineCategory.CollectiveWait => Color.FromHex("#D62728"),
        _ => Colors.Black,
    };

    /// <summary>The legend text of a category.</summary>
    public static string LabelOf(TimelineCategory category) => category switch
    {
        TimelineCategory.CollectiveWait => "waiting for collective",
        TimelineCategory.Stall => "stall (other)",
        _ => category.ToString().ToLowerInvariant(),
    };

    private static Plot Build(TimelineAccumulator accumulator, IReadOnlyList<TimelineLane> lanes, string title, int maxSegments, int widthPixels)
    {
        var plot = new Plot();
        plot.Font.Set(PlotStyle.SansFont());

        // Bins narrower than a pixel cannot be seen, only paid for. Counting is far cheaper than building the segments,
        // and each doubling halves the bins to count, so the segments are built once, at the finest resolution within the budget.
        while (accumulator.UsedBins > 128 && (accumulator.UsedBins > widthPixels || accumulator.SegmentCount(lanes) > maxSegments))
        {
            accumulator.Coarsen();
        }

        var segmentsOf = lanes.Select(accumulator.Segments).ToList();

        var byCategory = DrawOrder.ToDictionary(c => c, _ => new List<Bar>());
        var end = Math.Max(accumulator.EndCycle, 1);

        // A pale band under every lane is the idle time: whatever the activities leave uncovered.
        if (lanes.Count > 0)
        {
            var idle = plot.Add.Bars(Enumerable.Range(0, lanes.Count).Select(i => new Bar
            {
                Position = i,
                ValueBase = 0,
                Value = end,
                Size = LaneFill,
                FillColor = IdleColor,
                LineWidth = 0,
            }).ToList());
            idle.Horizontal = true;
        }

        for (var i = 0; i < lanes.Count; i++)
        {
            foreach (var segment in segmentsOf[i])
            {
                // The y axis is inverted (first lane on top), so a lane's bottom is at i + half its height.
                var bottom = i + (LaneFill / 2) - (segment.Bottom * LaneFill);
                var height = segment.Height * LaneFill;
                byCategory[segment.Category].Add(new Bar
                {
                    Position = bottom - (height / 2),
                    ValueBase = segment.Start,
                    Value = segment.End,
                    Size = height,
                    FillColor = ColorOf(segment.Category),
                    LineWidth = 0,
                });
            }
        }

        // Thin rules between components, so the lanes of one component read as a group.
        for (var i = 1; i < lanes.Count; i++)
        {
            if (lanes[i].Component != lanes[i - 1].Component)
            {
                // Solid, not dotted: Skia's SVG backend cannot draw path effects and says so on stdout.
                plot.Add.HorizontalLine(i - 0.5, 1, Colors.Gray.WithAlpha(0.35));
            }
        }

        foreach (var category in DrawOrder)
        {
            if (byCategory[category].Count == 0)
            {
                continue;
            }

            var bars = plot.Add.Bars(byCategory[category]);
            bars.Horizontal = true;
        }

        // Lane labels on the left; the share of time each lane waits for collectives on the right, so idle engines stand out.
        var positions = Enumerable.Range(0, lanes.Count).Select(i => (double)i).ToArray();
        plot.Axes.Left.SetTicks(positions, lanes.Select(l => l.Label).ToArray());
        if (lanes.Any(l => l.Instances.Count > 1))
        {
            // Only components with many instances are grouped; the axis says how to read such a lane.
            plot.Axes.Left.Label.Text = "X[a-b]: instances a to b of X drawn in one lane, band heights are shares of their combined time; (n): the lane holds n instances";
        }

        plot.Axes.Right.SetTicks(positions, lanes.Select(l => WaitLabel(accumulator, l, end)).ToArray());
        plot.Axes.Right.TickLabelStyle.ForeColor = ColorOf(TimelineCategory.CollectiveWait);
        plot.Axes.Right.Label.Text = "waiting for collective (share of run)";
        plot.Axes.Right.Label.ForeColor = ColorOf(TimelineCategory.CollectiveWait);
        plot.Axes.Left.MajorTickStyle.Length = 0;
        plot.Axes.Right.MajorTickStyle.Length = 0;
        plot.Axes.Left.MinorTickStyle.Length = 0;
        plot.Axes.Right.MinorTickStyle.Length = 0;

        plot.Axes.SetLimitsX(0, end);
        plot.Axes.SetLimitsY(lanes.Count - 0.5, -0.5);
        plot.Axes.SetLimitsY(lanes.Count - 0.5, -0.5, plot.Axes.Right);
        plot.Grid.YAxisStyle.IsVisible = false;
        plot.XLabel("cycle");
        plot.Title($"{title}  ({accumulator.Activities.ToString("N0", CultureInfo.InvariantCulture)} activities, {end.ToString("N0", CultureInfo.InvariantCulture)} cycles)");

        plot.Legend.ManualItems.Clear();
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = "idle", FillColor = IdleColor, LineWidth = 0 });
        foreach (var category in DrawOrder)
        {
            plot.Legend.ManualItems.Add(new LegendItem
            {
                LabelText = LabelOf(category),
                FillColor = ColorOf(category),
                LineWidth = 0,
            });
        }

        plot.Legend.Orientation = Orientation.Horizontal;
        plot.ShowLegend(Edge.Bottom);
        return plot;
    }


    private static string WaitLabel(TimelineAccumulator accumulator, TimelineLane lane, long end)
    {
        // A grouped lane's share is of its instances' combined time, so it is their average share.
        var waited = accumulator.TotalCycles(lane, TimelineCategory.CollectiveWait);
        return waited == 0 ? string.Empty : (waited / ((double)end * lane.Instances.Count)).ToString("P1", CultureInfo.InvariantCulture);
    }
}
