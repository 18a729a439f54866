using Comet.Reports.Compare;
using Comet.Reports.Reproduce;
using Comet.Reports.Sweeps;
using Comet.Workloads.Generation;
using NUnit.Framework;

namespace Comet.Reports.Tests.Reproduce;

/// <summary>The reproduce table's arithmetic: ratios from known totals, the attribution of a speedup gap, the shape table per template.</summary>
public class ReproduceRowTests
{
    [Test]
    public void Speedup_FromTwoKnownAnalyticTotals_IsUnfusedOverFused()
    {
        // The edge GEMM-Softmax examples (docs/generate.md): fused 19 848 cycles, 15 373 566 pJ; unfused 25 864 cycles, 28 729 143 pJ.
        // 25 864 / 19 848 = 1.303104… → 1.3031; 28 729 143 / 15 373 566 = 1.868740… → 1.8687; DRAM 262 144 / 131 072 = 2.
        var fused = new CaseFigures(19_848, 15_373_566, 12_063, null, 131_072, "ok");
        var unfused = new CaseFigures(25_864, 28_729_143, 17_807, null, 262_144, "ok");
        var row = new ReproduceRow("gemm-softmax", "edge", "256x256x128", string.Empty, "default rule", fused, unfused, "ok");

        Assert.That(row.SpeedupAnalytic, Is.EqualTo(1.3031));
        Assert.That(row.SpeedupSimulated, Is.EqualTo(1.4762)); // 17 807 / 12 063 = 1.476166…
        Assert.That(row.EnergyRatio, Is.EqualTo(1.8687));
        Assert.That(row.DramTrafficRatio, Is.EqualTo(2.0));
        Assert.That(row.EnergyRatioSimulated, Is.Null);
    }

    [Test]
    public void Ratio_WithAMissingOrZeroFused_IsNull()
    {
        Assert.That(FusionRatios.Of(10, null), Is.Null);
        Assert.That(FusionRatios.Of(null, 10), Is.Null);
        Assert.That(FusionRatios.Of(10, 0), Is.Null);
        Assert.That(FusionRatios.Of(3, 2), Is.EqualTo(1.5));
    }

    [Test]
    public void Attribution_NamesTheSwitchWhoseSpeedupComesClosestToTheModels()
    {
        // Model 1.2×; simulated 150 / 100 = 1.5×. Switched (unfused / fused) per switch, in FormulaAssumptions order:
        // network 150/100 = 1.5 (same), transfers 130/100 = 1.3 (pull 0.3 − 0.1 = 0.2), collectives 126/100 = 1.26 (pull 0.24),
        // instances 170/100 = 1.7 (pull −0.2), reuse 100/100 = 1.0 (pull 0.3 − 0.2 = 0.1): collectives.
        long[] fusedSwitched = [100, 100, 100, 100, 100];
        long[] unfusedSwitched = [150, 130, 126, 170, 100];
        var fused = Result("f", 100, fusedSwitched);
        var unfused = Result("u", 150, unfusedSwitched);

        var a = SpeedupAttribution.Of(fused, unfused, 1.2);

        Assert.That(a.SwitchedSpeedups, Is.EqualTo(new double?[] { 1.5, 1.3, 1.26, 1.7, 1.0 }));
        Assert.That(a.Mechanism, Is.EqualTo("collectives"));
        Assert.That(a.MechanismSpeedup, Is.EqualTo(1.26));
    }

    [Test]
    public void Attribution_WhenEverySwitchMovesAwayFromTheModel_NamesNone()
    {
        // Model 1.2×, simulated 1.5×; every switch gives 1.6× or more, farther from the model.
        var a = SpeedupAttribution.Of(Result("f", 100, [100, 100, 100, 100, 100]), Result("u", 150, [160, 170, 180, 190, 200]), 1.2);
        Assert.That(a.Mechanism, Is.Null);
        Assert.That(a.MechanismSpeedup, Is.Null);
    }

    [Test]
    public void Shapes_FollowTheTemplatesDimensions()
    {
        var matrix = ReproduceShapes.For(new Dims(["M", "N", "K"]), quick: false);
        var attention = ReproduceShapes.For(new Dims(["L", "H", "D", "B"]), quick: false);
        var unknown = ReproduceShapes.For(new Dims(["X"]), quick: false);

        Assert.That(matrix.Select(s => $"{s.Preset} {s.Label}"), Is.EqualTo(new[]
        {
            "edge 256x256x128", "cloud 256x256x512", "cloud 2048x2048x256", "cloud 1x4096x512", "cloud 1x8192x128", "cloud 1x16384x128", "cloud 1024x1024x512",
        }));
        Assert.That(attention.Select(s => $"{s.Preset} {s.Label}"), Is.EqualTo(new[] { "edge L512-H12-D64", "cloud L512-H12-D64", "cloud L2048-H32-D128", "cloud L4096-H32-D128" }));
        Assert.That(unknown, Is.Empty);
        Assert.That(ReproduceShapes.For(new Dims(["M", "N", "K"]), quick: true).Select(s => s.Preset), Is.EqualTo(new[] { "edge", "cloud" }));
    }

    [Test]
    public void Differ_ComparesAtTwoDecimals()
    {
        Assert.That(ReproduceMarkdown.Differ(1.3031, 1.3049), Is.False);
        Assert.That(ReproduceMarkdown.Differ(1.4762, 1.3031), Is.True);
        Assert.That(ReproduceMarkdown.Differ(null, 1.3), Is.False);
    }

    private static CompareCaseResult Result(string name, long simulated, long[] switched)
    {
        var run = Run(name, simulated);
        return new CompareCaseResult(run, [.. switched.Select(s => Run(name, s))], GapAttribution.Of(null, simulated, []), []);
    }

    private static ValidationCaseResult Run(string name, long simulated) =>
        new(new ValidationCase(name, "/nowhere/" + name, "f", false), null, null, simulated, null, null, null, null, null, null, ValidationCaseResult.Ok, null, null, []);

    private sealed class Dims(IReadOnlyList<string> dimensions) : ICompoundTemplate
    {
        public string Name => "fake";

        public string Description => "fake";

        public IReadOnlyList<string> ShapeDimensions => dimensions;

        public GeneratedCase Generate(GenerationRequest request) => throw new NotSupportedException();
    }
}
