using System.Globalization;
using Comet.Reports.Search;
using Comet.Workloads.Search;
using ScottPlot;

namespace Comet.Plots;

/// <summary>Draws a search: analytic against simulated cycles for the top k (left) and every costed candidate's cycles and energy with the Pareto front (right).</summary>
public static class SearchPlot
{
    private const int Width = 1400;
    private const int Height = 600;

    /// <summary>Writes <paramref name="outcome"/>'s two panels side by side as PNG.</summary>
    public static void Render(SearchOutcome outcome, string pngPath, string title)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        var multiplot = new Multiplot();
        multiplot.AddPlots(2);
        multiplot.Layout = new ScottPlot.MultiplotLayouts.Columns();
        TopK(multiplot.GetPlot(0), outcome, title);
        Pareto(multiplot.GetPlot(1), outcome);
        multiplot.SavePng(pngPath, Width, Height);
    }

    private static void TopK(Plot plot, SearchOutcome outcome, string title)
    {
        plot.Font.Set(PlotStyle.SansFont());
        var points = outcome.Top.Where(t => t.Simulated.Cycles is not null).ToList();
        if (points.Count > 0)
        {
            var xs = points.Select(p => (double)p.Candidate.Cycles!.Value).ToArray();
            var ys = points.Select(p => (double)p.Simulated.Cycles!.Value).ToArray();
            var lo = Math.Min(xs.Min(), ys.Min()) * 0.95;
            var hi = Math.Max(xs.Max(), ys.Max()) * 1.05;
            var diagonal = plot.Add.Line(lo, lo, hi, hi);
            diagonal.Color = Colors.Gray;
            diagonal.LegendText = "simulated = analytic";
            var scatter = plot.Add.ScatterPoints(xs, ys);
            scatter.Color = Color.FromHex("#4E79A7");
            scatter.MarkerSize = 9;
            scatter.LegendText = "top candidates";
            for (var i = 0; i < points.Count; i++)
            {
                var label = plot.Add.Text($"#{(i + 1).ToString(CultureInfo.InvariantCulture)} (i{points[i].Candidate.Tiling.Index.ToString(CultureInfo.InvariantCulture)})", xs[i], ys[i]);
                label.LabelFontSize = 11;
                label.LabelAlignment = Alignment.LowerLeft;
            }

            plot.Axes.SetLimits(lo, hi, lo, hi);
        }

        plot.Title($"{title}: top {outcome.Top.Count.ToString(CultureInfo.InvariantCulture)}, re-ranked by simulation");
        plot.XLabel("analytic total cycles");
        plot.YLabel("simulated cycles");
        plot.ShowLegend(Edge.Bottom);
    }

    private static void Pareto(Plot plot, SearchOutcome outcome)
    {
        plot.Font.Set(PlotStyle.SansFont());
        var points = outcome.Tally.Points;
        if (points.Count > 0)
        {
            var xs = new double[points.Count];
            var ys = new double[points.Count];
            for (var i = 0; i < points.Count; i++)
            {
                xs[i] = Math.Log10(points.Cycles(i));
                ys[i] = points.EnergyPj(i) / 1e6;
            }

            var all = plot.Add.ScatterPoints(xs, ys);
            all.Color = Colors.Gray.WithAlpha(0.35);
            all.MarkerSize = 3;
            all.LegendText = $"costed candidates ({points.Count.ToString(CultureInfo.InvariantCulture)})";
            var front = SearchRanking.ParetoFront(points);
            var line = plot.Add.Scatter(front.Select(i => xs[i]).ToArray(), front.Select(i => ys[i]).ToArray());
            line.Color = Color.FromHex("#E15759");
            line.MarkerSize = 6;
            line.LegendText = $"Pareto front ({front.Count.ToString(CultureInfo.InvariantCulture)})";
            if (outcome.Winner is { } w)
            {
                var best = plot.Add.ScatterPoints(new[] { Math.Log10(w.Cycles!.Value) }, new[] { w.EnergyPj!.Value / 1e6 });
                best.Color = Color.FromHex("#59A14F");
                best.MarkerSize = 12;
                best.LegendText = $"winner (i{w.Tiling.Index.ToString(CultureInfo.InvariantCulture)})";
            }
        }

        // Cycles span decades across a space, so the axis is log10 (1e4 = 10,000 cycles).
        plot.Title("every costed candidate: cycles vs energy");
        plot.XLabel("log10 analytic total cycles");
        plot.YLabel("analytic energy (µJ)");
        plot.ShowLegend(Edge.Bottom);
    }
}
