using Comet.Workloads.Generation;
using Comet.Workloads.Search;
using NUnit.Framework;

namespace Comet.Workloads.Tests.Search;

/// <summary>The search space: sizes counted by hand, shards that partition it, and loop orders that never repeat a loop nest.</summary>
public class TilingSpaceTests
{
    private static readonly GemmSoftmaxTemplate Template = new();

    private static SearchSetup Tiny(bool wide, bool fused = true)
        => Template.Searchable(new GenerationRequest("gemm-softmax", "edge", new Dictionary<string, long> { ["M"] = 4, ["N"] = 16, ["K"] = 2 }, fused), wide);

    [Test]
    public void AuthorsSpace_Edge4x16x2_Has20Candidates()
    {
        // M = 2^2 over DRAM, cluster, core and compute: C(2+3, 3) = 10 ordered splits; N per core = 16 / (2x2 clusters x
        // 2x2 cores) = 1: one split; K = 2 over core and compute: 2. 10 x 1 x 2 = 20, no loop orders searched.
        var space = Tiny(wide: false).Space;
        Assert.That(space.Size, Is.EqualTo(20));
        Assert.That(space.Enumerate().Count(), Is.EqualTo(20));
        Assert.That(space.Enumerate().Select(t => t.Index), Is.EqualTo(Enumerable.Range(0, 20).Select(i => (long)i)));
    }

    [Test]
    public void WideSpace_Edge4x16x2_IndexRangeCountedByHand()
    {
        // N = 2^4 over 7 factors, of which the 4 spatial ones are at most 2 (the 2x2 meshes): with j of them at 2 the
        // other 4 - j twos go to 3 free factors in C(4 - j + 2, 2) ways, so sum_j C(4, j) C(6 - j, 2) = 15 + 40 + 36 + 12 + 1
        // = 104. K = 2 over 3 factors: 3. M: 10 as in the authors' space. Two loops of 3 dimensions: 3! x 3! = 36 orders.
        var space = Tiny(wide: true).Space;
        Assert.That(space.Size, Is.EqualTo(10L * 104 * 3 * 36));
    }

    [Test]
    public void WideSpace_EveryLoopNestOnce_OrdersOnlyPermuteLoopingDimensions()
    {
        var candidates = Tiny(wide: true).Space.Enumerate().ToList();

        // A combination of factors appears once per distinct order of its looping dimensions: (looping at GB)! x (looping at core)!.
        var byFactors = candidates.GroupBy(t => string.Join(",", t.Factors)).ToList();
        Assert.That(byFactors, Has.Count.EqualTo(10 * 104 * 3));
        foreach (var group in byFactors)
        {
            var t = group.First();
            long Looping(params string[] names) => names.Count(n => t.Factor(n) > 1);
            var expected = Factorial(Looping("M_A_GB_temporal", "N_A_GB_temporal", "K_A_GB_temporal")) * Factorial(Looping("M_Core_temporal", "N_Core_temporal", "K_Core_temporal"));
            Assert.That(group.Count(), Is.EqualTo(expected), group.Key);
            Assert.That(group.Select(g => string.Join("/", g.Orders)).Distinct().Count(), Is.EqualTo(expected), group.Key);
        }
    }

    [Test]
    public void FourShards_PartitionTheSpace()
    {
        var space = Tiny(wide: true).Space;
        var whole = space.Enumerate().Select(t => t.Index).ToList();
        var shards = Enumerable.Range(0, 4).SelectMany(k => space.Enumerate(new ShardSpec(k, 4)).Select(t => t.Index)).Order().ToList();
        Assert.That(shards, Is.EqualTo(whole));
        Assert.That(space.Enumerate(new ShardSpec(3, 4)).All(t => t.Index % 4 == 3), Is.True);
    }

    [Test]
    public void UnfusedSpace_Edge4x16x2_CountedByHand()
    {
        // GEMM: M = 4 over DRAM, cluster and compute: C(2+2, 2) = 6. Softmax: M per core = 4 / 16 does not split, so the
        // shape is refused by the generator before any search; 16x16x2 instead: softmax rows per core = 1 (1 split),
        // N = 16 over SIMD loop and lanes (at most the edge SIMD's width): the divisors of 16 up to the width.
        var setup = Template.Searchable(new GenerationRequest("gemm-softmax", "edge", new Dictionary<string, long> { ["M"] = 16, ["N"] = 16, ["K"] = 2 }, false), false);
        var lanes = Comet.Workloads.Generation.MachineRoles.Of(Presets.Arch("edge"), "edge").Simd.Compute!.ComputeWidth;
        var gemm = 15; // M = 2^4 over 3 factors: C(4+2, 2) = 15.
        var simdN = TileFactorRule.Divisors(16).Count(d => d <= lanes);
        Assert.That(setup.Space.Size, Is.EqualTo(gemm * 1 * simdN));
    }

    [Test]
    public void LoopOrderSlot_OneLoopingDimension_OnlyTheCanonicalOrder()
    {
        var slot = new LoopOrderSlot("order", "KNM", new Dictionary<char, string> { ['M'] = "m", ['N'] = "n", ['K'] = "k" });
        Assert.That(slot.Orders(n => n == "m" ? 4 : 1), Is.EqualTo(new[] { "KNM" }));
        Assert.That(slot.Orders(n => n == "k" ? 1 : 2), Is.EqualTo(new[] { "KNM", "KMN" }));
        Assert.That(slot.Orders(_ => 2), Has.Count.EqualTo(6));
    }

    private static long Factorial(long n) => n <= 1 ? 1 : n * Factorial(n - 1);
}
