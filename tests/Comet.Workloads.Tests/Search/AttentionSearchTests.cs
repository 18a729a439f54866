using Comet.Hardware.Inputs;
using Comet.Workloads.Analytical;
using Comet.Workloads.Generation;
using Comet.Workloads.Inputs;
using Comet.Workloads.Search;
using NUnit.Framework;

namespace Comet.Workloads.Tests.Search;

/// <summary>Searching self-attention: space sizes counted by hand, re-bound costs equal the written cases', the capacity pre-check never prunes a candidate that fits, the rule's own choice is a candidate.</summary>
public class AttentionSearchTests
{
    private static readonly AttentionTemplate Template = new();

    private static SearchSetup Setup(long seq, long heads, long dim, bool fused = true, bool wide = false)
        => Template.Searchable(new GenerationRequest("attention", "edge", new Dictionary<string, long> { ["L"] = seq, ["H"] = heads, ["D"] = dim, ["B"] = 1 }, fused), wide);

    [Test]
    public void DefaultSpace_Edge_L32_CountedByHand()
    {
        // 4 heads on the 2x2 clusters, 32 rows over 2x2 cores: 8 rows per core = query blocks x query tile, d(8) = 4 ways;
        // 32 keys = K/V blocks x block, d(32) = 6 ways. 24, no holes (no loop order is searched).
        var space = Setup(32, 4, 16).Space;
        Assert.That(space.Size, Is.EqualTo(24));
        Assert.That(space.Enumerate().Count(), Is.EqualTo(24));
    }

    [Test]
    public void WideSpace_Edge_L32_CountedByHand()
    {
        // H = 4 over (DRAM loop, X ≤ 2, Y ≤ 2): (4,1,1), (2,2,1), (2,1,2), (1,2,2) = 4. M = 32 = 2^5 over six factors, four
        // of them spatial and at most 2: with j of those at 2 the other 5 − j twos go to the 2 free factors in 6 − j ways,
        // so sum_j C(4, j)(6 − j) = 6 + 20 + 24 + 12 + 2 = 64. N: 6. 4 x 64 x 6 = 1536.
        var setup = Setup(32, 4, 16, wide: true);
        Assert.That(setup.Space.Size, Is.EqualTo(4L * 64 * 6));

        // The pre-check refuses a tiling whose heads and row groups overfill a mesh side (heads 2 along X, rows 2 along X).
        var overfull = setup.Space.Enumerate().First(t => t.Factor("H_DRAM_spatial_X") == 2 && t.Factor("M_DRAM_spatial_X") == 2);
        Assert.That(setup.CapacityPreCheck!(overfull), Does.StartWith("heads and query-row groups need 4x"));
    }

    [Test]
    public void UnfusedSpace_Edge_L32_CountedByHand()
    {
        // Each GEMM step: rows per core d(8) = 4 x keys d(32) = 6; the softmax step: rows d(8) = 4. 24 x 4 x 24.
        Assert.That(Setup(32, 4, 16, fused: false).Space.Size, Is.EqualTo(24L * 4 * 24));
    }

    [Test]
    public void UnfusedSpace_Cloud_L4096_SearchesWithinTheRulesQueryRowBlocks()
    {
        // A core's 4096 / 16 = 256 query rows come in 4 DRAM row blocks of 64 = 2^6 (the rule's, AttentionCaseTests):
        // each GEMM step 7 (rows within a block) x 13 (keys, 2^12) = 91, the softmax 7: 91 x 7 x 91.
        var setup = Template.Searchable(new GenerationRequest("attention", "cloud", new Dictionary<string, long> { ["L"] = 4096, ["H"] = 32, ["D"] = 128, ["B"] = 1 }, false), false);
        Assert.That(setup.Space.Size, Is.EqualTo(91L * 7 * 91));
    }

    [TestCase(true, false)]
    [TestCase(true, true)]
    [TestCase(false, false)]
    public void EveryCandidate_CostEqualsTheCaseFilesParsedAndEvaluated(bool fused, bool wide)
    {
        var setup = Setup(32, 4, 16, fused, wide);
        var evaluator = new CandidateEvaluator(setup);
        var every = Math.Max(1, setup.Space.Size / 25);
        var candidates = setup.Space.Enumerate().Where((_, i) => i % every == 0).Take(30).ToList();
        Assert.That(candidates, Has.Count.GreaterThan(0));
        var compared = 0;
        foreach (var t in candidates)
        {
            var cost = evaluator.Cost(t);
            if (cost.Status.StartsWith("pruned: heads and query-row groups", StringComparison.Ordinal))
            {
                // More clusters than the mesh has: the files load (COMET folds an oversized fan-out onto the mesh) but
                // the search does not offer it.
                Assert.That(t.Factor("H_DRAM_spatial_X") * t.Factor("M_DRAM_spatial_X") > 2 || t.Factor("H_DRAM_spatial_Y") * t.Factor("M_DRAM_spatial_Y") > 2, $"candidate {t.Index}");
                continue;
            }

            Assert.That(cost.IsCosted ? (cost.Cycles, cost.EnergyPj) : ((long?)null, (double?)null), Is.EqualTo(FromFiles(setup, t)), $"candidate {t.Index}: {cost.Status}");
            compared += cost.IsCosted ? 1 : 0;
        }

        Assert.That(compared, Is.GreaterThan(5));
    }

    [Test]
    public void TheRulesChoice_IsACandidate_WithTheGeneratedCasesCycles()
    {
        // comet generate's default for the tiny shape: one query block of 8 rows, one K/V block of 32 keys (1438 cycles).
        var setup = Setup(32, 4, 16);
        var rule = setup.Space.Enumerate().Single(t => t.Factor("M_DRAM_temporal") == 1 && t.Factor("N_block") == 32);
        Assert.That(new CandidateEvaluator(setup).Cost(rule).Cycles, Is.EqualTo(FromFiles(setup, rule).Cycles));
        var generated = CompoundTemplates.Generate(new GenerationRequest("attention", "edge", new Dictionary<string, long> { ["L"] = 32, ["H"] = 4, ["D"] = 16, ["B"] = 1 }, true));
        Assert.That(setup.Files(rule).Single(f => f.RelativePath == "mapping.yaml").Text, Is.EqualTo(generated.Files.Single(f => f.RelativePath == "mapping.yaml").Text));
    }

    [Test]
    public void CapacityPreCheck_NeverPrunesACandidateThatFits()
    {
        // Head dim 128 against the edge preset's 32 KiB weight buffer: a K/V block of 512 keys needs 64 KiB.
        var setup = Setup(512, 4, 128);
        var pruned = setup.Space.Enumerate().Where(t => setup.CapacityPreCheck!(t) is not null).ToList();
        Assert.That(pruned, Has.Count.EqualTo(8), "N_block = 512 with each of the 8 splits of a core's 128 rows");
        var step = new CandidateEvaluator(setup).Steps[0];
        foreach (var t in pruned)
        {
            var e = Assert.Throws<InputException>(() => step.Bind(step.Step.Constants(t)), $"candidate {t.Index} was pruned but fits");
            Assert.That(e!.Problem, Does.Contain("but it holds"), $"candidate {t.Index}");
        }
    }

    // The candidate's case written out and read through the ordinary loaders, summed over steps (null when it does not load).
    private static (long? Cycles, double? EnergyPj) FromFiles(SearchSetup setup, Tiling t)
    {
        var files = setup.Files(t).ToDictionary(f => f.RelativePath, f => f.Text);
        var arch = files["arch.yaml"];
        var folders = files.TryGetValue(SequenceFolder.SequenceFile, out var seq) ? seq.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(s => s + "/").ToArray() : [string.Empty];
        long cycles = 0;
        double energy = 0;
        foreach (var f in folders)
        {
            try
            {
                var inputs = CometInputLoader.Parse(arch, files[f + "problem.yaml"], files[f + "mapping.yaml"], files[f + "const.yaml"]);
                var report = AnalyticalModel.Evaluate(inputs, new AnalyticOptions(NocEnergy: true));
                cycles += report.TotalCycles;
                energy += report.TotalEnergyPj;
            }
            catch (InputException)
            {
                return (null, null);
            }
        }

        return (cycles, energy);
    }
}
