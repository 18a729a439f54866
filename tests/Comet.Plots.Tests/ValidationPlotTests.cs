using Comet.Plots;
using Comet.Reports.Sweeps;
using NUnit.Framework;

namespace Comet.Plots.Tests;

/// <summary>The validation scatter names every labelled case exactly once: beside its point when there is room, otherwise in the list beside the plot.</summary>
public class ValidationPlotTests : TempFolderTest
{
    private static ValidationCaseResult Result(string name, long analytic, long simulated) =>
        new(new ValidationCase(name, name, "fam", false), analytic, analytic, simulated, 100.0 * (simulated - analytic) / analytic,
            null, null, null, null, 1, ValidationCaseResult.Ok, null, null, []);

    private List<string> Texts(IReadOnlyList<ValidationCaseResult> results)
    {
        var svg = Path.Combine(Root, "v.svg");
        ValidationPlot.Render(results, Path.Combine(Root, "v.png"), svg, "t");
        return SvgTexts.Of(svg);
    }

    [Test]
    public void SeparatedCases_AreAllLabelledBesideTheirPoints()
    {
        var texts = Texts([Result("a", 1_000, 1_100), Result("b", 100_000, 90_000), Result("c", 10_000_000, 10_000_000)]);

        Assert.That(texts, Does.Contain("a (+10.0 %)").And.Contain("b (-10.0 %)").And.Contain("c (0 %)"));
        Assert.That(texts, Does.Not.Contain("no room for a label:"));
    }

    [Test]
    public void CrowdedCases_NoRoomForAll_TheRestAreListedOnce()
    {
        var results = Enumerable.Range(0, 16).Select(i => Result($"case_{i:00}", 1_000_000 + i, 1_000_000 + (2 * i))).ToList();

        var texts = Texts(results);

        Assert.That(texts, Does.Contain("no room for a label:"));
        foreach (var r in results)
        {
            Assert.That(texts.Count(t => t.StartsWith(r.Case.Name + " (", StringComparison.Ordinal)), Is.EqualTo(1), r.Case.Name);
        }
    }
}
