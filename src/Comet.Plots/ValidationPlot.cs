using System.Globalization;
using Comet.Reports.Sweeps;
using ScottPlot;

namespace Comet.Plots;

/// <summary>Draws a validation sweep: simulated against analytic total cycles on log–log axes, with y = x and a ±10 % band, coloured by family.</summary>
public static partial class ValidationPlot
{
    private static readonly string[] Palette =
    [
        "#4E79A7", "#F28E2B", "#E15759", "#76B7B2", "#59A14F", "#EDC948", "#B07AA1", "#FF9DA7", "#9C755F", "#BAB0AC",
        "#1F77B4", "#D62728", "#2CA02C", "#9467BD", "#8C564B", "#17BECF",
    ];

    /// <summary>Cases labelled by name when the sweep has at most this many comparable cases.</summary>
    public const int MaxLabelledCases = 16;

    /// <summary>Writes the scatter of the comparable cases of <paramref name="results"/> as PNG and SVG.</summary>
    public static void Render(IReadOnlyList<ValidationCaseResult> results, string pngPath, string svgPath, string title)
    {
        using var plot = Build(results, title);
        plot.SavePng(pngPath, Width, Height);
        plot.SaveSvg(svgPath, Width, Height);
        PlotStyle.RenumberClipPaths(svgPath);
    }

    private static Plot Build(IReadOnlyList<ValidationCaseResult> results, string title)
    {
        var plot = new Plot();
        plot.Font.Set(PlotStyle.SansFont());
        var points = results.Where(r => r.IsComparable && r.AnalyticTotalCycles > 0 && r.SimulatedCycles > 0).ToList();
        var logs = points.SelectMany(p => new[] { Math.Log10(p.AnalyticTotalCycles!.Value), Math.Log10(p.SimulatedCycles!.Value) }).ToList();
        var lo = logs.Count == 0 ? 0 : Math.Floor(logs.Min() - 0.1);
        var hi = logs.Count == 0 ? 1 : Math.Ceiling(logs.Max() + 0.1);

        // The ±10 % band and y = x, drawn in log10 space: log10(1.1·x) = log10 x + log10 1.1.
        double[] xs = [lo, hi];
        var band = plot.Add.FillY(xs, xs.Select(x => x + Math.Log10(0.9)).ToArray(), xs.Select(x => x + Math.Log10(1.1)).ToArray());
        band.FillColor = Colors.Gray.WithAlpha(0.18);
        band.LineWidth = 0;
        band.LegendText = "±10 %";
        var diagonal = plot.Add.Line(lo, lo, hi, hi);
        diagonal.Color = Colors.Black;
        diagonal.LineWidth = 1;
        diagonal.LegendText = "simulated = analytic";

        var families = points.Select(p => p.Case.Family).Distinct().OrderBy(f => f, StringComparer.Ordinal).ToList();
        for (var i = 0; i < families.Count; i++)
        {
            var members = points.Where(p => p.Case.Family == families[i]).ToList();
            var scatter = plot.Add.ScatterPoints(
                members.Select(p => Math.Log10(p.AnalyticTotalCycles!.Value)).ToArray(),
                members.Select(p => Math.Log10(p.SimulatedCycles!.Value)).ToArray());
            scatter.Color = Color.FromHex(Palette[i % Palette.Length]);
            scatter.MarkerSize = MarkerSize;
            scatter.LegendText = $"{families[i]} ({members.Count})";
        }

        // The layout is fixed, so a data value's pixel is known before rendering and labels can be placed in pixels.
        plot.Layout.Fixed(new PixelPadding(DataLeft, Width - DataRight, Height - DataBottom, DataTop));
        var unplaced = new List<string>();
        if (points.Count <= MaxLabelledCases)
        {
            var texts = points.Select(p => $"{p.Case.Name} ({p.ErrorVsTotalPct?.ToString("+0.0;-0.0;0", CultureInfo.InvariantCulture)} %)").ToList();
            var anchors = points.Select(p => Pixel(Math.Log10(p.AnalyticTotalCycles!.Value), Math.Log10(p.SimulatedCycles!.Value), lo, hi)).ToList();
            using var paint = Paint.NewDisposablePaint();
            var sizes = texts.Select(t =>
            {
                var size = new LabelStyle { Text = t, FontSize = LabelFontSize, FontName = plot.Axes.Bottom.Label.FontName }.Measure(paint);
                return ((double)size.Width + 2, (double)size.Height + 2);
            }).ToList();
            var area = new LabelBox(DataLeft + 2, DataTop + 2, DataRight - DataLeft - 4, DataBottom - DataTop - 4);
            var boxes = LabelPlacer.Place(anchors, sizes, area, MarkerSize / 2.0);
            for (var i = 0; i < points.Count; i++)
            {
                if (boxes[i] is not { } box)
                {
                    unplaced.Add(texts[i]);
                    continue;
                }

                var (x, y) = Value(box.Left + 1, box.Top + 1, lo, hi);
                var text = plot.Add.Text(texts[i], x, y);
                text.LabelFontSize = LabelFontSize;
                text.LabelAlignment = Alignment.UpperLeft;
                text.LabelPadding = 0;
            }
        }

        foreach (var axis in new ScottPlot.IAxis[] { plot.Axes.Bottom, plot.Axes.Left })
        {
            axis.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic
            {
                MinorTickGenerator = new ScottPlot.TickGenerators.LogMinorTickGenerator(),
                IntegerTicksOnly = true,
                LabelFormatter = LogLabel,
            };
        }

        plot.Axes.SetLimits(lo, hi, lo, hi);
        plot.Grid.MajorLineColor = Colors.Gray.WithAlpha(0.25);
        plot.XLabel("analytic total cycles (COMET)");
        plot.YLabel("simulated cycles");
        var skipped = results.Count - points.Count;
        plot.Title(skipped == 0 ? title : $"{title}  ({skipped.ToString(CultureInfo.InvariantCulture)} of {results.Count.ToString(CultureInfo.InvariantCulture)} cases not compared)");
        // The legend sits beside the data area, where it covers no point or label; cases whose label found no free
        // spot near their point are listed under it.
        if (unplaced.Count > 0)
        {
            plot.Legend.ManualItems.Add(new LegendItem { LabelText = "no room for a label:" });
            foreach (var text in unplaced)
            {
                plot.Legend.ManualItems.Add(new LegendItem { LabelText = text });
            }
        }

        plot.ShowLegend(Edge.Right);
        return plot;
    }

    // Image size and the fixed data area inside it, in pixels; the legend takes the space right of the data area.
    private const int Width = 1000;
    private const int Height = 800;
    private const int DataLeft = 80;
    private const int DataRight = 700;
    private const int DataTop = 40;
    private const int DataBottom = 740;
    private const float LabelFontSize = 11;
    private const int MarkerSize = 8;

    // The pixel of the point (log10 x, log10 y) when both axes span [lo, hi].
    private static (double X, double Y) Pixel(double x, double y, double lo, double hi) =>
        (DataLeft + ((x - lo) / (hi - lo) * (DataRight - DataLeft)), DataBottom - ((y - lo) / (hi - lo) * (DataBottom - DataTop)));

    // The axis values of a pixel, the inverse of Pixel.
    private static (double X, double Y) Value(double px, double py, double lo, double hi) =>
        (lo + ((px - DataLeft) / (DataRight - DataLeft) * (hi - lo)), lo + ((DataBottom - py) / (DataBottom - DataTop) * (hi - lo)));

    // A log10 tick as the cycle count it stands for: 3 → 1k, 6 → 1M.
    private static string LogLabel(double log10)
    {
        var k = (int)Math.Round(log10);
        return k switch
        {
            < 0 => Math.Pow(10, k).ToString("G", CultureInfo.InvariantCulture),
            < 3 => Math.Pow(10, k).ToString("0", CultureInfo.InvariantCulture),
            < 6 => Math.Pow(10, k - 3).ToString("0", CultureInfo.InvariantCulture) + "k",
            < 9 => Math.Pow(10, k - 6).ToString("0", CultureInfo.InvariantCulture) + "M",
            _ => Math.Pow(10, k - 9).ToString("0", CultureInfo.InvariantCulture) + "G",
        };
    }

}
