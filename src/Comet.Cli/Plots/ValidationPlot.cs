using System.Globalization;
using Comet.Cli.Reports;
using ScottPlot;

namespace Comet.Cli.Plots;

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
        plot.SavePng(pngPath, 1000, 800);
        plot.SaveSvg(svgPath, 1000, 800);
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
            scatter.MarkerSize = 8;
            scatter.LegendText = $"{families[i]} ({members.Count})";
        }

        if (points.Count <= MaxLabelledCases)
        {
            var placed = new List<(double X, double Y)>();
            foreach (var p in points)
            {
                var (x, y) = (Math.Log10(p.AnalyticTotalCycles!.Value), Math.Log10(p.SimulatedCycles!.Value));

                // Points closer than a label's height get their labels stacked downwards instead of printed over each other.
                var near = placed.Count(q => Math.Abs(q.X - x) < 0.15 && Math.Abs(q.Y - y) < 0.05);
                placed.Add((x, y));
                var text = plot.Add.Text($"{p.Case.Name} ({p.ErrorVsTotalPct?.ToString("+0.0;-0.0;0", CultureInfo.InvariantCulture)} %)", x, y);
                text.LabelFontSize = 11;
                text.LabelOffsetX = 6;
                text.LabelOffsetY = -6 + (14 * near);
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
        plot.ShowLegend(Alignment.UpperLeft);
        return plot;
    }

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
