using System.Globalization;
using ScottPlot;

namespace Comet.Plots;

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
        var accumulator = options.NewAccumulator();
        TimelineTraceReader.Read(traceCsvPath, accumulator);
        Render(accumulator, pngPath, svgPath, options with { Title = options.Title ?? Path.GetFileName(traceCsvPath) });
    }

    /// <summary>Writes the timeline of the activities in <paramref name="accumulator"/> as PNG and SVG; it may coarsen the accumulator's bins to fit <see cref="TimelinePlotOptions.MaxSegments"/>.</summary>
    /// <remarks>The accumulator should have been made by <see cref="TimelinePlotOptions.NewAccumulator"/>, as the CSV overload does, for the two to draw the same picture.</remarks>
    public static void Render(TimelineAccumulator accumulator, string pngPath, string svgPath, TimelinePlotOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(accumulator);
        options ??= new TimelinePlotOptions();
        var title = Title(options.Title ?? "timeline", accumulator, options);
        var drawn = TimelineLane.Group(accumulator.Lanes, options.MaxLanesPerComponent);
        var height = HeightOf(options, drawn.Count);
        using var plot = Build(accumulator, drawn, title, options.MaxSegments, options.WidthPixels, height - ExtraHeightOf(options, options.WidthPixels));

        // The first build coarsened the bins as far as needed, so a second build draws the same picture; each file gets
        // its own plot and they are encoded on two threads (the PNG's rasterising and compression is the slow half).
        using var svgPlot = Build(accumulator, drawn, title, options.MaxSegments, options.WidthPixels, height - ExtraHeightOf(options, options.WidthPixels));
        Parallel.Invoke(
            () => plot.SavePng(pngPath, options.WidthPixels, height),
            () =>
            {
                svgPlot.SaveSvg(svgPath, options.WidthPixels, height);
                PlotStyle.RenumberClipPaths(svgPath);
            });
    }

    /// <summary>The image height: <see cref="TimelinePlotOptions.HeightPixels"/> when given, otherwise room for every lane within the maximum.</summary>
    public static int HeightOf(TimelinePlotOptions options, int laneCount)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.HeightPixels is { } fixedHeight)
        {
            return fixedHeight;
        }

        var lanes = Math.Max(laneCount, 1);
        var extra = ExtraHeightOf(options, options.WidthPixels);
        var laneHeight = Math.Max(6, Math.Min(options.LaneHeightPixels, (options.MaxHeightPixels - extra) / lanes));

        // A few lanes still get room for a short vertical axis title.
        return Math.Max(lanes * laneHeight, MinLanesPixels) + extra;
    }

    /// <summary>Least height of the lanes' area, so a timeline of one or two lanes still has room for its vertical axis titles.</summary>
    public const int MinLanesPixels = 140;

    // Approximate width of one legend item (swatch and label) and height of one legend row, in pixels.
    private const int LegendItemPixels = 150;
    private const int LegendRowPixels = 22;

    /// <summary>Pixels around the lanes: <see cref="TimelinePlotOptions.ExtraHeightPixels"/> plus a row per legend for each extra row a narrow image wraps the legends into.</summary>
    public static int ExtraHeightOf(TimelinePlotOptions options, int widthPixels)
    {
        ArgumentNullException.ThrowIfNull(options);
        var items = DrawOrder.Length + 1;
        var perRow = Math.Max(1, (widthPixels - 40) / LegendItemPixels);
        var rows = (items + perRow - 1) / perRow;
        return options.ExtraHeightPixels + (2 * LegendRowPixels * (rows - 1));
    }

    /// <summary>The title: <c>ex_base: 3 858 370 cycles, 7 408 activities</c>, or for a window <c>ex_base: cycles 1 000 to 2 000, 12 activities</c>; numbers grouped by spaces.</summary>
    public static string Title(string name, TimelineAccumulator accumulator, TimelinePlotOptions options)
    {
        ArgumentNullException.ThrowIfNull(accumulator);
        ArgumentNullException.ThrowIfNull(options);
        var activities = Grouped(accumulator.Activities) + (accumulator.Activities == 1 ? " activity" : " activities");
        if (options.FromCycle > 0 || options.ToCycle is not null)
        {
            return $"{name}: cycles {Grouped(accumulator.FromCycle)} to {Grouped(accumulator.FromCycle + accumulator.EndCycle)}, {activities}";
        }

        return $"{name}: {Grouped(options.TotalCycles ?? accumulator.EndCycle)} cycles, {activities}";
    }

    /// <summary>An integer with its digits grouped in threes by spaces: 3 858 370.</summary>
    public static string Grouped(long value)
    {
        var format = (NumberFormatInfo)CultureInfo.InvariantCulture.NumberFormat.Clone();
        format.NumberGroupSeparator = " ";
        return value.ToString("N0", format);
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

    private static Plot Build(TimelineAccumulator accumulator, IReadOnlyList<TimelineLane> lanes, string title, int maxSegments, int widthPixels, int lanesHeight)
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

        // Bars are drawn in cycles relative to the window's start; the axes add it back.
        var origin = accumulator.FromCycle;

        // A pale band under every lane is the idle time: whatever the activities leave uncovered.
        if (lanes.Count > 0)
        {
            var idle = plot.Add.Bars(Enumerable.Range(0, lanes.Count).Select(i => new Bar
            {
                Position = i,
                ValueBase = origin,
                Value = origin + end,
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
                    ValueBase = origin + segment.Start,
                    Value = origin + segment.End,
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

        // Vertical axis titles longer than the lanes are tall would be clipped: each gets the longest wording that fits.
        if (lanes.Any(l => l.Instances.Count > 1))
        {
            // Only components with many instances are grouped; the axis says how to read such a lane.
            plot.Axes.Left.Label.Text = Fitting(plot.Axes.Left.Label, lanesHeight,
                "X[a-b]: instances a to b of X drawn in one lane, band heights are shares of their combined time; (n): the lane holds n instances",
                "X[a-b]: instances a to b of X in one lane; (n): n instances",
                "X[a-b]: instances a to b");
        }

        plot.Axes.Right.SetTicks(positions, lanes.Select(l => WaitLabel(accumulator, l, end)).ToArray());
        plot.Axes.Right.TickLabelStyle.ForeColor = ColorOf(TimelineCategory.CollectiveWait);
        plot.Axes.Right.Label.ForeColor = ColorOf(TimelineCategory.CollectiveWait);
        plot.Axes.Right.Label.Text = Fitting(plot.Axes.Right.Label, lanesHeight, "waiting for collective (share of run)", "collective wait", "wait");
        plot.Axes.Left.MajorTickStyle.Length = 0;
        plot.Axes.Right.MajorTickStyle.Length = 0;
        plot.Axes.Left.MinorTickStyle.Length = 0;
        plot.Axes.Right.MinorTickStyle.Length = 0;

        // The cycle axis at the top as well as at the bottom, so a tall timeline is readable from either end.
        var cycleTicks = new ScottPlot.TickGenerators.NumericAutomatic { IntegerTicksOnly = true, LabelFormatter = v => Grouped((long)Math.Round(v)) };
        plot.Axes.Bottom.TickGenerator = cycleTicks;
        plot.Axes.Top.TickGenerator = cycleTicks;
        plot.Axes.Top.Label.Text = "cycle";
        plot.Axes.SetLimitsX(origin, origin + end);
        plot.Axes.SetLimitsX(origin, origin + end, plot.Axes.Top);
        plot.Axes.SetLimitsY(lanes.Count - 0.5, -0.5);
        plot.Axes.SetLimitsY(lanes.Count - 0.5, -0.5, plot.Axes.Right);
        plot.Grid.YAxisStyle.IsVisible = false;
        plot.XLabel("cycle");
        plot.Title(title);

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
        plot.Axes.AddPanel(new ScottPlot.Panels.LegendPanel(plot.Legend) { Edge = Edge.Top, Alignment = Alignment.MiddleCenter });
        return plot;
    }

    // The first wording whose rendered width is at most `room` pixels; the last one (or nothing) otherwise.
    private static string Fitting(LabelStyle style, int room, params string[] wordings)
    {
        using var paint = Paint.NewDisposablePaint();
        foreach (var wording in wordings)
        {
            style.Text = wording;
            if (style.Measure(paint).Width <= room)
            {
                return wording;
            }
        }

        return string.Empty;
    }

    private static string WaitLabel(TimelineAccumulator accumulator, TimelineLane lane, long end)
    {
        // A grouped lane's share is of its instances' combined time, so it is their average share.
        var waited = accumulator.TotalCycles(lane, TimelineCategory.CollectiveWait);
        return waited == 0 ? string.Empty : (waited / ((double)end * lane.Instances.Count)).ToString("P1", CultureInfo.InvariantCulture);
    }
}
