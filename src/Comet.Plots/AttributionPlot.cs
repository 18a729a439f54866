using System.Globalization;
using Comet.Reports.Compare;
using ScottPlot;

namespace Comet.Plots;

/// <summary>Draws <c>comet compare</c>'s attribution: per case a stacked bar of each mechanism's share of the gap and the residual, in percent of the analytic total.</summary>
public static class AttributionPlot
{
    private static readonly string[] Palette = ["#4E79A7", "#F28E2B", "#59A14F", "#B07AA1", "#EDC948", "#9C755F", "#BAB0AC"];

    /// <summary>Writes the stacked bars of the cases of <paramref name="results"/> that have an attribution, as PNG and SVG.</summary>
    public static void Render(IReadOnlyList<CompareCaseResult> results, string pngPath, string svgPath, string title)
    {
        using var plot = new Plot();
        plot.Font.Set(PlotStyle.SansFont());
        var cases = results.Where(r => r.Run.AnalyticTotalCycles is > 0 && r.Attribution.Residual is not null).ToList();
        var names = FormulaAssumptions.All.Select(a => a.Name).Append("residual").ToList();
        var bars = new List<Bar>();
        var nets = new List<double>();
        for (var i = 0; i < cases.Count; i++)
        {
            var analytic = (double)cases[i].Run.AnalyticTotalCycles!.Value;
            var parts = cases[i].Attribution.Mechanisms.Append(cases[i].Attribution.Residual).Select(p => p!.Value / analytic * 100).ToList();

            // Positive parts stack up from 0 and negative parts down from 0, so each bar's extent shows every part.
            double up = 0, down = 0;
            for (var p = 0; p < parts.Count; p++)
            {
                var from = parts[p] >= 0 ? up : down;
                var to = from + parts[p];
                (up, down) = parts[p] >= 0 ? (to, down) : (up, to);
                bars.Add(new Bar { Position = i, ValueBase = from, Value = to, Size = 0.6, FillColor = Color.FromHex(Palette[p % Palette.Length]), LineWidth = 0 });
            }

            nets.Add(parts.Sum());
        }

        plot.Add.Bars(bars);

        // The net gap, (simulated − analytic) ÷ analytic, as a marker over each bar.
        for (var i = 0; i < nets.Count; i++)
        {
            var net = plot.Add.Marker(i, nets[i]);
            net.Color = Colors.Black;
            net.Shape = MarkerShape.FilledDiamond;
            net.Size = 12;
        }

        var zero = plot.Add.HorizontalLine(0);
        zero.Color = Colors.Black;
        zero.LineWidth = 1;
        for (var p = 0; p < names.Count; p++)
        {
            plot.Legend.ManualItems.Add(new LegendItem { LabelText = names[p], FillColor = Color.FromHex(Palette[p % Palette.Length]) });
        }

        plot.Legend.ManualItems.Add(new LegendItem { LabelText = "net gap", MarkerStyle = new MarkerStyle(MarkerShape.FilledDiamond, 10, Colors.Black) });
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            [.. Enumerable.Range(0, cases.Count).Select(i => (double)i)], [.. cases.Select(c => c.Run.Case.Name)]);
        // Names are slanted when they would not fit side by side (about 7 px per character at the default font).
        var width = Math.Clamp(200 + (40 * cases.Count), 800, 4000);
        var slanted = cases.Count > 0 && cases.Max(c => c.Run.Case.Name.Length) * 7 * cases.Count > width - 250;
        plot.Axes.Bottom.TickLabelStyle.Rotation = slanted ? 45 : 0;
        plot.Axes.Bottom.TickLabelStyle.Alignment = slanted ? Alignment.MiddleLeft : Alignment.UpperCenter;
        if (slanted)
        {
            // A 45° name of n characters drops about 7·n·sin 45° ≈ 5·n px below the axis.
            plot.Axes.Bottom.MinimumSize = 20 + (5 * cases.Max(c => c.Run.Case.Name.Length));
        }

        plot.Axes.SetLimitsX(-0.5, Math.Max(1, cases.Count) - 0.5);
        plot.YLabel("share of the analytic total, %");
        var missing = results.Count - cases.Count;
        plot.Title(missing == 0 ? title : $"{title}  ({missing.ToString(CultureInfo.InvariantCulture)} {(missing == 1 ? "case" : "cases")} without an attribution)");
        plot.ShowLegend(Edge.Right);
        var height = slanted ? 600 + (5 * cases.Max(c => c.Run.Case.Name.Length)) : 600;
        plot.SavePng(pngPath, width, height);
        plot.SaveSvg(svgPath, width, height);
        PlotStyle.RenumberClipPaths(svgPath);
    }
}
