using Comet.Plots;
using Comet.Reports.Compare;
using Comet.Reports.Sweeps;
using NUnit.Framework;

namespace Comet.Plots.Tests;

/// <summary>The attribution plot: one bar per attributed case, labelled with the case, a legend entry per switch and the residual.</summary>
public class AttributionPlotTests : TempFolderTest
{
    private static CompareCaseResult Case(string name, long analytic, long simulated, long? switched)
    {
        var run = new ValidationCaseResult(new ValidationCase(name, "/nowhere", "fam", false), analytic, analytic, simulated, (simulated - analytic) * 100.0 / analytic, null, null, null, null, 0, ValidationCaseResult.Ok, null, null, []);
        return CompareSweep.Build(run, [.. FormulaAssumptions.All.Select(_ => run with { SimulatedCycles = switched })]);
    }

    [Test]
    public void Render_TwoCasesOneWithoutASwitchedRun_DrawsTheAttributedOneAndSaysSo()
    {
        var png = Path.Combine(Root, "attribution.png");
        var svg = Path.Combine(Root, "attribution.svg");
        AttributionPlot.Render([Case("alpha", 1000, 900, 1200), Case("beta", 1000, 1100, null)], png, svg, "attribution");
        Assert.That(new FileInfo(png).Length, Is.GreaterThan(0));
        var texts = SvgTexts.Of(svg);
        Assert.That(texts, Does.Contain("alpha").And.Contain("residual").And.Contain("net gap"));
        Assert.That(texts, Does.Not.Contain("beta"));
        Assert.That(texts.Any(t => t.Contains("1 case without an attribution", StringComparison.Ordinal)), Is.True);
        foreach (var s in FormulaAssumptions.All)
        {
            Assert.That(texts, Does.Contain(s.Name));
        }
    }
}
