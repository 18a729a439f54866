using Comet.Reports.Reproduce;
using ScottPlot;

namespace Comet.Plots;

/// <summary>Draws <c>comet reproduce</c>'s speedups: per row a bar by the model beside one by the simulator, and each operation's paper maximum as a dashed line over its rows.</summary>
public static class SpeedupPlot
{
    private static readonly Color Model = Color.FromHex("#4E79A7");
    private static readonly Color Simulator = Color.FromHex("#F28E2B");

    /// <summary>Writes the bars of <paramref name="rows"/> (rows without figures keep their place, empty) as PNG.</summary>
    public static void Render(IReadOnlyList<ReproduceRow> rows, string pngPath, string title)
    {
        ArgumentNullException.ThrowIfNull(rows);
        using var plot = new Plot();
        plot.Font.Set(PlotStyle.SansFont());
        var bars = new List<Bar>();
        for (var i = 0; i < rows.Count; i++)
        {
            if (rows[i].SpeedupAnalytic is { } model)
            {
                bars.Add(new Bar { Position = i - 0.18, Value = model, Size = 0.34, FillColor = Model, LineWidth = 0 });
            }

            if (rows[i].SpeedupSimulated is { } simulated)
            {
                bars.Add(new Bar { Position = i + 0.18, Value = simulated, Size = 0.34, FillColor = Simulator, LineWidth = 0 });
            }
        }

        plot.Add.Bars(bars);
        var one = plot.Add.HorizontalLine(1);
        one.Color = Colors.Black;
        one.LineWidth = 1;

        // The paper's maximum for an operation, drawn across that operation's rows only.
        foreach (var op in rows.Select(r => r.Operation).Distinct())
        {
            if (!PaperMaxima.ByOperation.TryGetValue(op, out var paper))
            {
                continue;
            }

            var indices = Enumerable.Range(0, rows.Count).Where(i => rows[i].Operation == op).ToList();
            var line = plot.Add.Line(indices.Min() - 0.45, paper, indices.Max() + 0.45, paper);
            line.Color = Colors.Black;
            line.LinePattern = LinePattern.Dashed;
            line.LineWidth = 1.5f;
        }

        plot.Legend.ManualItems.Add(new LegendItem { LabelText = "model", FillColor = Model });
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = "simulator", FillColor = Simulator });
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = "paper's maximum", LineColor = Colors.Black, LinePattern = LinePattern.Dashed, LineWidth = 1.5f });
        var labels = rows.Select(r => $"{r.Operation} {r.Preset} {r.Shape}").ToList();
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual([.. Enumerable.Range(0, rows.Count).Select(i => (double)i)], [.. labels]);
        plot.Axes.Bottom.TickLabelStyle.Rotation = 45;
        plot.Axes.Bottom.TickLabelStyle.Alignment = Alignment.MiddleLeft;
        var longest = labels.Count == 0 ? 0 : labels.Max(l => l.Length);
        // A 45° label of n characters drops about 7·n·sin 45° ≈ 5·n px below the axis.
        plot.Axes.Bottom.MinimumSize = 20 + (5 * longest);
        plot.Axes.SetLimitsX(-0.6, Math.Max(1, rows.Count) - 0.4);
        var top = rows.SelectMany(r => new[] { r.SpeedupAnalytic ?? 0, r.SpeedupSimulated ?? 0 }).Concat(PaperMaxima.ByOperation.Values).DefaultIfEmpty(1).Max();
        plot.Axes.SetLimitsY(0, top * 1.1);
        plot.YLabel("speedup of fused over unfused (unfused ÷ fused cycles)");
        plot.Title(title);
        plot.ShowLegend(Edge.Right);
        var width = Math.Clamp(300 + (45 * rows.Count), 900, 4000);
        plot.SavePng(pngPath, width, 600 + (5 * longest));
    }
}
