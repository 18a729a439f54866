using Comet.Hardware.Inputs;
using Comet.Workloads.Analytical;
using Comet.Workloads.Generation;
using Comet.Workloads.Inputs;
using Comet.Workloads.Search;
using NUnit.Framework;

namespace Comet.Workloads.Tests.Search;

/// <summary>GEMM-LayerNorm's search, held to what GEMM-Softmax's is: space sizes counted by hand, re-bound costs equal the written cases', the DRAM closed form equals the model's DRAM traffic, the capacity pre-check never prunes a fitting candidate, the best of a tiny space.</summary>
public class GemmLayerNormSearchTests
{
    // Edge arch.yaml: a DRAM access of 8 bytes costs 800 pJ, so the model's DRAM energy is 100 pJ per byte moved.
    private const double EdgeDramPjPerByte = 800.0 / 8;

    private static readonly GemmLayerNormTemplate Template = new();

    private static SearchSetup Setup(string preset, long m, long n, long k, bool fused = true, bool wide = false)
        => Template.Searchable(new GenerationRequest("gemm-layernorm", preset, new Dictionary<string, long> { ["M"] = m, ["N"] = n, ["K"] = k }, fused), wide);

    [Test]
    public void GemmLayerNorm_IsSearchable()
        => Assert.That(CompoundTemplates.Find("gemm-layernorm"), Is.InstanceOf<ISearchableTemplate>());

    [Test]
    public void AuthorsSpace_Edge4x16x2_Has20Candidates()
    {
        // M = 2^2 over DRAM, cluster, core and compute: C(2+3, 3) = 10 ordered splits; N per core = 16 / (2x2 clusters x
        // 2x2 cores) = 1: one split; K = 2 over core and compute: 2. 10 x 1 x 2 = 20, no loop orders searched.
        var space = Setup("edge", 4, 16, 2).Space;
        Assert.That(space.Size, Is.EqualTo(20));
        Assert.That(space.Enumerate().Select(t => t.Index), Is.EqualTo(Enumerable.Range(0, 20).Select(i => (long)i)));
        Assert.That(space.FactorNames, Is.EqualTo(new[] { "M_DRAM_temporal", "M_GB_temporal", "M_Core_temporal", "M_Compute", "N_Core_temporal", "N_Compute", "K_Core_temporal", "K_Compute" }));
    }

    [Test]
    public void WideSpace_Edge4x16x2_IndexRangeCountedByHand()
    {
        // N = 2^4 over 7 factors, of which the 4 spatial ones are at most 2 (the 2x2 meshes): with j of them at 2 the
        // other 4 - j twos go to 3 free factors in C(4 - j + 2, 2) ways, so sum_j C(4, j) C(6 - j, 2) = 15 + 40 + 36 + 12 + 1
        // = 104. K = 2 over the cluster loop, core loop and compute: 3. M: 10. Two loops of 3 dimensions: 3! x 3! = 36 orders.
        var space = Setup("edge", 4, 16, 2, wide: true).Space;
        Assert.That(space.Size, Is.EqualTo(10L * 104 * 3 * 36));
        Assert.That(space.OrderNames, Is.EqualTo(new[] { GemmSoftmaxTree.ClusterOrder, GemmSoftmaxTree.CoreOrder }));
    }

    [Test]
    public void WideSpace_MappingStepsNAndKAtTheClusterLoop_AndItsOrdersAreConstants()
    {
        var setup = Setup("edge", 4, 16, 2, wide: true);
        var t = setup.Space.Enumerate().First(c => c.Factor("N_GB_temporal") == 2 && c.Factor("K_GB_temporal") == 2 && c.Factor("M_GB_temporal") == 2);
        var constants = setup.Steps[0].Constants(t).ToDictionary(p => p.Key, p => p.Value);
        Assert.That((constants["N_GB_temporal"], constants["K_GB_temporal"]), Is.EqualTo(("2", "2")));
        Assert.That(constants[GemmSoftmaxTree.ClusterOrder], Has.Length.EqualTo(3));

        // K halved by the cluster loop: each SIMD tile spans K / 2 = 1 (the default rule's K_SM is K).
        Assert.That((constants["K_SM"], constants["red_dim_simd_val"]), Is.EqualTo(("1", "1")));
        Assert.That(setup.Steps[0].Mapping, Does.Contain("N_GB_temporal").And.Contain("K_GB_temporal").And.Contain(GemmSoftmaxTree.ClusterOrder).And.Contain(GemmSoftmaxTree.CoreOrder));

        // The authors' space keeps the generated tree, which has neither.
        Assert.That(Setup("edge", 4, 16, 2).Steps[0].Mapping, Does.Not.Contain("N_GB_temporal").And.Not.Contain(GemmSoftmaxTree.ClusterOrder));
    }

    [Test]
    public void UnfusedSpace_Edge16x16x2_CountedByHand()
    {
        // GEMM: M = 2^4 over DRAM, cluster and compute: C(4+2, 2) = 15. LayerNorm: M per core = 16 / 16 = 1 (one split);
        // N = 16 over the SIMD loop and the lanes (at most the edge SIMD's width): the divisors of 16 up to the width.
        var setup = Setup("edge", 16, 16, 2, fused: false);
        var lanes = MachineRoles.Of(Presets.Arch("edge"), "edge").Simd.Compute!.ComputeWidth;
        var simdN = TileFactorRule.Divisors(16).Count(d => d <= lanes);
        Assert.That(setup.Space.Size, Is.EqualTo(15 * 1 * simdN));
        Assert.That(setup.Steps.Select(s => s.Folder), Is.EqualTo(new[] { "01-gemm", "02-layernorm" }));
    }

    [TestCase(true, false)]
    [TestCase(true, true)]
    [TestCase(false, false)]
    public void EveryCandidate_CostEqualsTheCaseFilesParsedAndEvaluated(bool fused, bool wide)
    {
        var setup = Setup("edge", 16, 16, 2, fused, wide);
        var evaluator = new CandidateEvaluator(setup);
        var candidates = setup.Space.Enumerate().Where((_, i) => i % (wide ? 997 : 7) == 0).Take(30).ToList();
        Assert.That(candidates, Has.Count.GreaterThan(5));
        var costed = 0;
        foreach (var t in candidates)
        {
            var cost = evaluator.Cost(t);
            var fromFiles = FromFiles(setup, t);
            Assert.That(cost.IsCosted ? (cost.Cycles, cost.EnergyPj) : ((long?)null, (double?)null), Is.EqualTo((fromFiles.Cycles, fromFiles.EnergyPj)), $"candidate {t.Index}: {cost.Status}");
            costed += cost.IsCosted ? 1 : 0;
        }

        Assert.That(costed, Is.GreaterThan(0));
    }

    [TestCase(true, false)]
    [TestCase(true, true)]
    [TestCase(false, false)]
    public void DramBytes_EqualTheModelsDramTraffic(bool fused, bool wide)
    {
        var setup = Setup("edge", 16, 16, 2, fused, wide);
        var candidates = setup.Space.Enumerate().Where((_, i) => i % (wide ? 1499 : 5) == 0).Take(25).ToList();
        var costed = 0;
        foreach (var t in candidates)
        {
            var fromFiles = FromFiles(setup, t);
            if (fromFiles.DramPj is { } pj)
            {
                Assert.That(setup.DramBytes(t), Is.EqualTo(pj / EdgeDramPjPerByte).Within(1e-6), $"candidate {t.Index}");
                costed++;
            }
        }

        Assert.That(costed, Is.GreaterThan(3));
    }

    [Test]
    public void DramBytes_AuthorsEdgeShape_AreTheGeneratedExamplesTraffic()
    {
        // docs/generate.md's examples at 256x256x128: fused reads 66,562 B (A 32 KiB, B 32 KiB, EPS 2, GAMMA and BETA 512
        // each) and writes O, 128 KiB; unfused also writes and reads back C, 64 KiB each way.
        Assert.That(GemmLayerNormSearch.FusedDramBytes(256, 256, 128), Is.EqualTo(66_562 + 131_072));
        Assert.That(GemmLayerNormSearch.UnfusedDramBytes(256, 256, 128), Is.EqualTo(132_098 + 196_608));
    }

    [Test]
    public void CapacityPreCheck_NeverPrunesACandidateThatFits()
    {
        // The edge preset's 32 KiB input and weight buffers against K = 512: many core tiles are too big.
        var setup = Setup("edge", 256, 256, 512);
        var evaluator = new CandidateEvaluator(setup);
        var prePruned = setup.Space.Enumerate().Where(t => setup.CapacityPreCheck!(t) is not null).ToList();
        Assert.That(prePruned, Has.Count.GreaterThan(100), "the pre-check prunes something here");
        var step = evaluator.Steps[0];
        foreach (var t in prePruned.Where((_, i) => i % 17 == 0))
        {
            var e = Assert.Throws<InputException>(() => step.Bind(step.Step.Constants(t)), $"candidate {t.Index} was pruned but fits");
            Assert.That(e!.Problem, Does.Contain("but it holds"), $"candidate {t.Index}");
        }
    }

    [Test]
    public void TinySpace_BestIsTheMinimumOverTheWrittenCases()
    {
        var setup = Setup("edge", 4, 16, 2);
        var results = MappingSearch.Run(setup, ShardSpec.Whole, 2, null, CancellationToken.None);
        var byFiles = setup.Space.Enumerate().Select(t => (t.Index, FromFiles(setup, t).Cycles)).Where(p => p.Cycles is not null).ToList();
        Assert.That(byFiles, Has.Count.EqualTo(20), "every candidate of this tiny space fits");
        var expected = byFiles.OrderBy(p => p.Cycles).ThenBy(p => p.Index).First();
        var best = SearchRanking.Rank(results, SearchObjective.Cycles)[0];
        Assert.That((best.Tiling.Index, best.Cycles), Is.EqualTo((expected.Index, expected.Cycles)));

        // By hand: one DRAM step, one cluster step, every row and K in one compute tile (M_Compute = 4, K_Compute = 2)
        // fills and drains the systolic array once, and the LayerNorm runs once over all 4 rows.
        Assert.That(best.Tiling.Factors, Is.EqualTo(new long[] { 1, 1, 1, 4, 1, 1, 1, 2 }));
    }

    // The candidate's case written out as comet generate would and read through the ordinary loaders, summed over steps (nulls when it does not load).
    private static (long? Cycles, double? EnergyPj, double? DramPj) FromFiles(SearchSetup setup, Tiling t)
    {
        var files = setup.Files(t).ToDictionary(f => f.RelativePath, f => f.Text);
        var arch = files["arch.yaml"];
        var folders = files.TryGetValue(SequenceFolder.SequenceFile, out var seq) ? seq.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(s => s + "/").ToArray() : [string.Empty];
        long cycles = 0;
        double energy = 0, dram = 0;
        foreach (var f in folders)
        {
            try
            {
                var inputs = CometInputLoader.Parse(arch, files[f + "problem.yaml"], files[f + "mapping.yaml"], files[f + "const.yaml"]);
                var report = AnalyticalModel.Evaluate(inputs, new AnalyticOptions(NocEnergy: true));
                cycles += report.TotalCycles;
                energy += report.TotalEnergyPj;
                dram += report.EnergyBreakdownPj["DRAM"];
            }
            catch (InputException)
            {
                return (null, null, null);
            }
        }

        return (cycles, energy, dram);
    }
}
