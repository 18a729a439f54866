using Comet.Sim;
using Comet.Workloads.Analytical;
using Comet.Workloads.Execution;
using Comet.Workloads.Inputs;
using Comet.Workloads.Tests.Inputs;
using NUnit.Framework;

namespace Comet.Workloads.Tests.Compound;

/// <summary>
/// The fused GEMM-LayerNorm on the edge preset (tests/data/compound/gemm-layernorm-16x32x32-fused): M = 16, N = 32,
/// K = 32; N split 2×2 over the clusters and 2×2 over each cluster's cores (16 cores, 2 columns each); one GB step of
/// all 16 rows (the default rule's largest row tile). Two-pass LayerNorm: an all-reduce(add) of the row sums, then one
/// of the sums of squared deviations. Figures derived by hand from reference-model.md (edge arch.yaml: DRAM 25 B/cycle;
/// meshes with 2 hops of 5 cycles, 64 B/cycle ports, 512-bit channels, queuing 2; IB/WB meshes multicast, the OB mesh
/// neither multicasts nor reduces) and checked against analyze and the simulation.
/// </summary>
public class GemmLayerNormFusedTests
{
    private const int Rows = 16, Cols = 32, Depth = 32, Cores = 16, ColsPerCore = Cols / Cores;

    // Inputs read once from DRAM: A (M×K, 8 bit), B (K×N, 8 bit), EPS (a scalar, 16 bit), GAMMA and BETA (N, 16 bit);
    // the only output written back is O (M×N, 16 bit). C and every LayerNorm intermediate stay on chip.
    private const long ABytes = Rows * Depth, BBytes = Depth * Cols, EpsBytes = 2, GammaBytes = Cols * 2, BetaBytes = Cols * 2;
    private const long OBytes = Rows * Cols * 2;
    private const long DramReadBytes = ABytes + BBytes + EpsBytes + GammaBytes + BetaBytes; // 1666
    private const long DramBytes = DramReadBytes + OBytes; // 2690

    internal static string Folder => Path.Combine(ReferencePaths.RepositoryRoot, "tests", "data", "compound", "gemm-layernorm-16x32x32-fused");

    private static AnalyticReport Analyze() => AnalyticalModel.Evaluate(CometInputLoader.LoadFolder(Folder), new AnalyticOptions(NocEnergy: true));

    private static SimulationResult Simulate() => new DataflowExecutor(CometInputLoader.LoadFolder(Folder), new Simulation(), ExecutionOptions.Default).Run();

    [Test]
    public void Analyze_DramTraffic_IsEachInputOnceAndTheOutputOnce()
    {
        // DRAM energy is 800 pJ per 8-byte access (edge arch.yaml), so the analytic DRAM traffic is E_DRAM / 100 pJ per byte.
        Assert.That(DramBytes, Is.EqualTo(2690));
        Assert.That(Analyze().EnergyBreakdownPj["DRAM"], Is.EqualTo(DramBytes * 800.0 / 8).Within(1e-3));
    }

    [Test]
    public void Analyze_ComputeWindows_AreTheTilePrimitives()
    {
        var r = Analyze();

        // GEMM: one 16×2×32 primitive per core, weight-stationary on the 8×8 grid of 32×32 arrays:
        // ⌈n/256⌉·⌈k/256⌉·(2R + C + T − 2) = 1·1·(64 + 32 + 16 − 2) = 110 cycles (T = the 16 streamed rows).
        Assert.That(r.CycleBreakdown["GEMM"].MemoryWindow, Is.EqualTo(110));

        // SIMD (16 lanes): each core's 16×2 elements as 2 primitives of 8×2 (×K, the declared reduction dimension):
        // c_op·⌈8·2·32/(16·32)⌉ = c_op cycles each.
        foreach (var op in new[] { "MEAN", "SUB1", "SQUARE", "VAR", "ADDEPS", "SQRT", "SUB2", "NORM", "SCALE", "SHIFT" })
        {
            Assert.That(r.CycleBreakdown[op].MemoryWindow, Is.EqualTo(2 * 1), op); // add/sub/mult/div/sqrt: 1 cycle
        }

        Assert.That(r.CycleBreakdown["ROWSUM1"].MemoryWindow, Is.EqualTo(2 * 4)); // row sum: ⌈log2 16⌉ = 4 cycles
        Assert.That(r.CycleBreakdown["ROWSUM2"].MemoryWindow, Is.EqualTo(2 * 4));
    }

    [Test]
    public void Analyze_EachAllReduce_IsItsMemoryAndNetworkTime()
    {
        // Each all-reduce adds the 16 partial row figures (16 bit) across the 4 clusters (2×2 GB mesh, link 64 B/cycle,
        // broadcast but no in-network reduction): memory ⌈(w + r)·P + w⌉, r = w = 16·4·2/64 = 2 → (2 + 2)·4 + 2 = 18;
        // network: reduce 2·5 + (16·2·16/512)·2 + 16·2·4/16 = 10 + 2 + 8, then broadcast 2·5 + 2 = 12: 32 in all.
        var r = Analyze();
        Assert.That(r.NodeCycles["CollectiveOpNode::12"], Is.EqualTo(18 + 32));
        Assert.That(r.NodeCycles["CollectiveOpNode::28"], Is.EqualTo(18 + 32));
        Assert.That(r.CycleBreakdown["ALLREDUCE-12"].OptionalStall + r.CycleBreakdown["ALLREDUCE-28"].OptionalStall, Is.EqualTo(100));
    }

    [Test]
    public void Analyze_DramLevel_IsTheFirstFillsAndTheLastDrainExposed()
    {
        // DRAM (25 B/cycle) → 4 GBs: L = ⌈bytes/25⌉ + 2·5 + ⌊elements·2·bits/512·2⌋ (ports 64 B/cycle never the limit here).
        //   A     (multicast, 512 × 8 bit):     ⌈512/25⌉ = 21  + 10 + 32 = 63
        //   B     (scatter, 4 × 256 × 8 bit):  ⌈1024/25⌉ = 41  + 10 + 16 = 67
        //   EPS   (multicast, 1 × 16 bit):        ⌈2/25⌉ = 1   + 10 +  0 = 11
        //   GAMMA (scatter, 4 × 8 × 16 bit):     ⌈64/25⌉ = 3   + 10 +  1 = 14, BETA the same
        //   O     (gather, 4 × 128 × 16 bit):  ⌈1024/25⌉ = 41  + 10 + 16 = 67
        // One DRAM iteration: every fill is a ramp-up and the drain a ramp-down.
        var r = Analyze();
        Assert.That(r.CycleBreakdown["DRAM-"].CompulsoryStall, Is.EqualTo(63 + 67 + 11 + 14 + 14 + 67));
        Assert.That(r.CycleBreakdown["DRAM-"].OptionalStall, Is.EqualTo(0));
    }

    [Test]
    public void Analyze_ClusterNodes_AreTheirLeavesPlusTheirExposedMoves()
    {
        // GB → 4 cores: L = ⌈sf·n_u·bytes/64⌉ + 10 + ⌊elements·2·bits/512·2⌋; the OB mesh has no multicast or reduction,
        // so one tile for all 4 cores (n_u = 1, e.g. the row statistics S and Q, which project on M only) is sent or
        // collected sf = 4 times: S or Q (16 × 16 bit) ⌈4·32/64⌉ = 2 + 10 + 2 = 14.
        var r = Analyze();

        // GEMM (node 4): A multicast to the IBs ⌈512/64⌉ = 8 + 10 + 32 = 50, B scattered ⌈4·64/64⌉ = 4 + 10 + 4 = 18,
        // C gathered ⌈4·32/64⌉ = 2 + 10 + 2 = 14, around the core loop's 119 (the 110-cycle primitive, A's 512 B into the
        // engine at 64 B/cycle = 8, C's 32 B out = 1).
        Assert.That(r.NodeCycles["DataMovementTileNode::5"], Is.EqualTo(110 + 8 + 1));
        Assert.That(r.NodeCycles["DataMovementTileNode::4"], Is.EqualTo(119 + 50 + 18 + 14));

        // ROWSUM1 (node 8): its leaf (2 primitives of 4 cycles, 1-cycle ramps) and S's drain.
        Assert.That(r.NodeCycles["DataMovementTileNode::8"], Is.EqualTo(10 + 14));

        // MEAN, SUB1, SQUARE, ROWSUM2 (node 14): leaves 4 + 6 + 4 + 10 (SUB1 reads two operands through one OB port:
        // its first primitive waits 1 cycle), S's fill and Q's drain.
        Assert.That(r.NodeCycles["DataMovementTileNode::14"], Is.EqualTo(4 + 6 + 4 + 10 + 14 + 14));

        // VAR … SHIFT (node 30): leaves 4 + 5 + 4 + 6 + 6 + 5 + 5 = 35; fills Q 14, EPS (1 element, sent 4 times)
        // ⌈8/64⌉ = 1 + 10 = 11, GAMMA and BETA (4 × 2 × 16 bit) ⌈16/64⌉ = 1 + 10 + 0 = 11 each; O gathered
        // (4 × 32 × 16 bit) ⌈256/64⌉ = 4 + 10 + 4 = 18.
        Assert.That(r.NodeCycles["DataMovementTileNode::30"], Is.EqualTo(35 + 14 + 11 + 11 + 11 + 18));
        Assert.That(r.CycleBreakdown["GB-"].CompulsoryStall, Is.EqualTo((50 + 18 + 14) + 14 + (14 + 14) + (14 + 11 + 11 + 11 + 18)));
    }

    [Test]
    public void Analyze_Total_IsDramRampsCollectivesClusterMovesAndLeaves()
    {
        // Total Cycles = Σ over spatial nodes, leaves and collectives of their exposed stalls, plus the leaves' windows
        // (reference-model §9; one iteration of everything here): DRAM 236 + all-reduces 100 + cluster moves 189 + the
        // GEMM leaf 119 + the SIMD leaves (windows 10·2 + 2·8, ramps 1 per first operand and last result, and the two
        // SUBs' and NORM's 1-cycle port wait: 12 leaves · 2 + 6 second operands + 3 = 33).
        var r = Analyze();
        Assert.That(r.TotalCycles, Is.EqualTo(236 + 100 + 189 + 119 + (36 + 33)));
        Assert.That(r.TotalCycles, Is.EqualTo(713));
    }

    [Test]
    public void Simulate_DramTraffic_IsEachInputOnceAndTheOutputOnce()
    {
        var s = Simulate();
        var dram = s.Levels.Single(l => l.Level == "DRAM");
        Assert.That(dram.BytesRead, Is.EqualTo(DramReadBytes)); // A and EPS multicast to the 4 GBs: read once
        Assert.That(dram.BytesWritten, Is.EqualTo(OBytes));
        Assert.That(s.Traffic!.Where(t => t.Parent == "DRAM").Sum(t => t.BytesOut), Is.EqualTo(OBytes));
    }

    [Test]
    public void Simulate_BytesConserved_WhatEachBufferCountsWrittenIsWhatArrivedInIt()
    {
        // Each on-chip buffer counts as written exactly the fills from its parent plus the drains from its children;
        // the GBs also take the all-reduces' writes: COMET's direct all-reduce writes (P−1)·32 bytes at the root for the
        // reduce and (P−1)·32 at the others for the broadcast (16 rows × 16 bit), 192 bytes, for each of 2 all-reduces.
        var s = Simulate();
        long Arrived(string level) => s.Traffic!.Where(t => t.Level == level).Sum(t => t.BytesIn) + s.Traffic!.Where(t => t.Parent == level).Sum(t => t.BytesOut);
        foreach (var level in new[] { "IB", "WB", "OB" })
        {
            Assert.That(s.Levels.Single(l => l.Level == level).BytesWritten, Is.EqualTo(Arrived(level)), level);
        }

        Assert.That(s.Levels.Single(l => l.Level == "GB").BytesWritten, Is.EqualTo(Arrived("GB") + (2 * 2 * 3 * 32)));

        // A reaches every IB once (16 rows × 32 × 8 bit), B every WB once (32 × 2 columns × 8 bit), GAMMA every OB once.
        Assert.That(s.Traffic!.Single(t => t.Level == "IB" && t.Tensor == "A").BytesIn, Is.EqualTo(Cores * Rows * Depth));
        Assert.That(s.Traffic!.Single(t => t.Level == "WB" && t.Tensor == "B").BytesIn, Is.EqualTo(Cores * Depth * ColsPerCore));
        Assert.That(s.Traffic!.Single(t => t.Level == "OB" && t.Tensor == "GAMMA").BytesIn, Is.EqualTo(Cores * ColsPerCore * 2));
    }
}
