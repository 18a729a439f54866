using Comet.Hardware.Inputs;
using Comet.Workloads.Analytical;
using Comet.Workloads.Generation;
using Comet.Workloads.Inputs;
using Comet.Workloads.Search;
using NUnit.Framework;

namespace Comet.Workloads.Tests.Search;

/// <summary>Costing candidates: re-binding constants on YAML parsed once gives what parsing the case's files gives, the capacity pre-check never prunes a candidate that fits, and the best is the minimum over the cases written out.</summary>
public class CandidateEvaluatorTests
{
    private static readonly GemmSoftmaxTemplate Template = new();

    private static SearchSetup Setup(string preset, long m, long n, long k, bool fused = true, bool wide = false)
        => Template.Searchable(new GenerationRequest("gemm-softmax", preset, new Dictionary<string, long> { ["M"] = m, ["N"] = n, ["K"] = k }, fused), wide);

    [TestCase(true, false)]
    [TestCase(true, true)]
    [TestCase(false, false)]
    public void EveryCandidate_CostEqualsTheCaseFilesParsedAndEvaluated(bool fused, bool wide)
    {
        var setup = Setup("edge", 16, 16, 2, fused, wide);
        var evaluator = new CandidateEvaluator(setup);
        var candidates = setup.Space.Enumerate().Where((_, i) => i % 7 == 0).Take(40).ToList();
        Assert.That(candidates, Is.Not.Empty);
        foreach (var t in candidates)
        {
            var cost = evaluator.Cost(t);
            var fromFiles = FromFiles(setup, t);
            Assert.That(cost.IsCosted ? (cost.Cycles, cost.EnergyPj) : ((long?)null, (double?)null), Is.EqualTo(fromFiles), $"candidate {t.Index}: {cost.Status}");
        }
    }

    [Test]
    public void WideEdgeSpace_ReBoundCostsEqualTheCaseFilesParsedAndEvaluated()
    {
        // The search's path (each mapping node parsed once per value of its constants, the model on the re-bound tree)
        // against the case files written out and read by the ordinary loaders, on a few hundred candidates spread over
        // the widened edge space (loops of 1 to thousands of steps, every loop order, pruned and costed ones).
        // K = 512 against the edge preset's 32 KiB input and weight buffers: many tilings are pruned.
        var setup = Setup("edge", 256, 256, 512, wide: true);
        var evaluator = new CandidateEvaluator(setup);
        var stride = (int)(setup.Space.Size / 1000);
        var candidates = setup.Space.Enumerate(new ShardSpec(0, stride)).ToList();
        var costed = 0;
        foreach (var t in candidates)
        {
            var cost = evaluator.Cost(t);
            var fromFiles = FromFiles(setup, t);
            Assert.That(cost.IsCosted ? (cost.Cycles, cost.EnergyPj) : ((long?)null, (double?)null), Is.EqualTo(fromFiles), $"candidate {t.Index}: {cost.Status}");
            costed += cost.IsCosted ? 1 : 0;
        }

        Assert.That(costed, Is.GreaterThan(200), "the sample holds costed candidates");
        Assert.That(candidates.Count - costed, Is.GreaterThan(5), "and pruned ones");
    }

    [Test]
    public void CapacityPreCheck_NeverPrunesACandidateThatFits()
    {
        // The edge preset's 32 KiB input and weight buffers against K = 512: many core tiles are too big.
        var setup = Setup("edge", 256, 256, 512);
        var evaluator = new CandidateEvaluator(setup);
        var prePruned = setup.Space.Enumerate().Where(t => setup.CapacityPreCheck!(t) is not null).Where((_, i) => i % 3 == 0).ToList();
        Assert.That(prePruned, Has.Count.GreaterThan(100), "the pre-check prunes something here");
        var step = evaluator.Steps[0];
        foreach (var t in prePruned)
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
        var byFiles = setup.Space.Enumerate().Select(t => (t.Index, Cycles: FromFiles(setup, t).Cycles)).Where(p => p.Cycles is not null).ToList();
        var expected = byFiles.OrderBy(p => p.Cycles).ThenBy(p => p.Index).First();
        var best = SearchRanking.Rank(results, SearchObjective.Cycles)[0];
        Assert.That((best.Tiling.Index, best.Cycles), Is.EqualTo((expected.Index, expected.Cycles)));

        // By hand: one DRAM step, one cluster step, every row and K in one compute tile (M_Compute = 4, K_Compute = 2)
        // fills and drains the systolic array once instead of once per smaller tile.
        Assert.That(best.Tiling.Factors, Is.EqualTo(new long[] { 1, 1, 1, 4, 1, 1, 1, 2 }));
    }

    [Test]
    public void Shards_CostTheSameCandidatesAsOneRun()
    {
        var setup = Setup("edge", 16, 16, 2, wide: true);
        var whole = MappingSearch.Run(setup, ShardSpec.Whole, 2, null, CancellationToken.None);
        var shards = Enumerable.Range(0, 3).SelectMany(k => MappingSearch.Run(setup, new ShardSpec(k, 3), 1, null, CancellationToken.None)).OrderBy(c => c.Tiling.Index).ToList();
        Assert.That(shards.Select(c => (c.Tiling.Index, c.Status, c.Cycles, c.EnergyPj)), Is.EqualTo(whole.Select(c => (c.Tiling.Index, c.Status, c.Cycles, c.EnergyPj))));
    }

    // The candidate's case written out as comet generate would and read through the ordinary loaders, summed over steps (null when it does not load).
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
