using Comet.Sim;
using Comet.Workloads.Analytical;
using Comet.Workloads.Execution;
using Comet.Workloads.Inputs;
using Comet.Workloads.Tests.Inputs;
using NUnit.Framework;

namespace Comet.Workloads.Tests.Compound;

/// <summary>
/// The hand-written fused GEMM-LayerNorm on the edge preset (tests/data/compound/gemm-layernorm-4x32x32-fused): M = 4,
/// N = 32, K = 32; N split 2×2 over the clusters and 2×2 over each cluster's cores (16 cores, 2 columns each); the GB
/// loop takes 2 rows per step (2 steps). Two-pass LayerNorm: all-reduce(add) of the row sums, then of the sums of squared
/// deviations. Figures derived by hand from reference-model.md and checked against analyze and the simulation.
/// </summary>
public class GemmLayerNormFusedTests
{
    private const int Rows = 4, Cols = 32, Depth = 32;
    private const int GbSteps = 2, Cores = 16;
    private const int RowsPerStep = Rows / GbSteps, ColsPerCore = Cols / Cores;

    // Inputs read once from DRAM: A (M×K, 8 bit), B (K×N, 8 bit), EPS (a scalar, 16 bit), GAMMA and BETA (N, 16 bit);
    // the only output written back is O (M×N, 16 bit). C and every LayerNorm intermediate stay on chip.
    private const long ABytes = Rows * Depth, BBytes = Depth * Cols, EpsBytes = 2, GammaBytes = Cols * 2, BetaBytes = Cols * 2;
    private const long OBytes = Rows * Cols * 2;
    private const long DramReadBytes = ABytes + BBytes + EpsBytes + GammaBytes + BetaBytes; // 1282
    private const long DramBytes = DramReadBytes + OBytes; // 1538

    private static string Folder => Path.Combine(ReferencePaths.RepositoryRoot, "tests", "data", "compound", "gemm-layernorm-4x32x32-fused");

    private static AnalyticReport Analyze() => AnalyticalModel.Evaluate(CometInputLoader.LoadFolder(Folder), new AnalyticOptions(NocEnergy: true));

    private static SimulationResult Simulate() => new DataflowExecutor(CometInputLoader.LoadFolder(Folder), new Simulation(), ExecutionOptions.Default).Run();

    [Test]
    public void Analyze_DramTraffic_IsEachInputOnceAndTheOutputOnce()
    {
        // DRAM energy is 800 pJ per 8-byte access (edge arch.yaml), so the analytic DRAM traffic is E_DRAM / 100 pJ per byte.
        Assert.That(DramBytes, Is.EqualTo(1538));
        Assert.That(Analyze().EnergyBreakdownPj["DRAM"], Is.EqualTo(DramBytes * 800.0 / 8).Within(1e-3));
    }

    [Test]
    public void Analyze_ComputeWindows_AreTheTilePrimitivesTimesTheGbSteps()
    {
        var r = Analyze();

        // GEMM: one 2×2×32 primitive per core and GB step, weight-stationary on the 8×8 grid of 32×32 arrays:
        // ⌈n/256⌉·⌈k/256⌉·(2R + C + T − 2) = 1·1·(64 + 32 + 2 − 2) = 96 cycles (T = the declared reduction factor M_Compute = 2).
        const long gemmPrimitive = 2 * 32 + 32 + RowsPerStep - 2;
        Assert.That(r.CycleBreakdown["GEMM"].MemoryWindow, Is.EqualTo(GbSteps * gemmPrimitive));

        // SIMD (16 lanes): each core runs its 2×2 elements as 4 primitives of 1×1×K with K declared the reduction
        // dimension, so each is c_op·⌈32/(16·32)⌉ = c_op cycles; 4 per step, 2 steps.
        const long primitives = RowsPerStep * ColsPerCore * GbSteps; // 8
        foreach (var op in new[] { "MEAN", "SUB1", "SQUARE", "VAR", "ADDEPS", "SQRT", "SUB2", "NORM", "SCALE", "SHIFT" })
        {
            Assert.That(r.CycleBreakdown[op].MemoryWindow, Is.EqualTo(primitives * 1), op); // add/sub/mult/div/sqrt: 1 cycle
        }

        foreach (var op in new[] { "ROWSUM1", "ROWSUM2" })
        {
            Assert.That(r.CycleBreakdown[op].MemoryWindow, Is.EqualTo(primitives * 4), op); // row sum: ⌈log2 16⌉ = 4 cycles
        }
    }

    [Test]
    public void Analyze_EachAllReduce_IsItsMemoryAndNetworkTimeTwice()
    {
        // Each all-reduce adds the 2 partial row figures (16 bit) of a GB step across the 4 clusters (2×2 GB mesh, link
        // 64 B/cycle, broadcast but no in-network reduction, channel 512 bits, hop 5, queuing 2):
        // memory (bcast, no red): ⌈(w + r)·P + w⌉, r = w = s·P·b/BW = 2·4·2/64 = 0.25 → ⌈0.5·4 + 0.25⌉ = 3;
        // network: reduce (2·5 + (2·2·16/512)·2 + 2·2·4/16 = 11.25) + broadcast (2·5 + 0.25) = 21.5 → 21 (float32, truncated).
        // 24 cycles, non-hideable, repeated for each of the 2 GB steps.
        var r = Analyze();
        const long perStep = 3 + 21;
        Assert.That(r.NodeCycles["CollectiveOpNode::12"], Is.EqualTo(perStep));
        Assert.That(r.NodeCycles["CollectiveOpNode::28"], Is.EqualTo(perStep));
        Assert.That(r.CycleBreakdown["ALLREDUCE-12"].OptionalStall, Is.EqualTo(GbSteps * perStep));
        Assert.That(r.CycleBreakdown["ALLREDUCE-28"].OptionalStall, Is.EqualTo(GbSteps * perStep));
    }

    [Test]
    public void Analyze_DramLevel_IsTheFirstFillsAndTheLastDrainExposed()
    {
        // DRAM (25 B/cycle) → 4 GBs (mesh 2×2: 2 hops, port 64 B/cycle, 512-bit channels, queuing 2, broadcast):
        // L = max(⌈n_u·bytes/25⌉, ⌈bytes/64⌉) + 2·5 + ⌊elements·2·bits/512·2⌋.
        //   A     (broadcast, 128 × 8 bit):     ⌈128/25⌉ = 6   + 10 +  8 = 24
        //   B     (scatter, 4 × 256 × 8 bit):  ⌈1024/25⌉ = 41 + 10 + 16 = 67
        //   EPS   (broadcast, 1 × 16 bit):       ⌈2/25⌉ = 1    + 10 +  0 = 11
        //   GAMMA (scatter, 4 × 8 × 16 bit):    ⌈64/25⌉ = 3    + 10 +  1 = 14, BETA the same
        //   O     (gather, 4 × 32 × 16 bit):   ⌈256/25⌉ = 11   + 10 +  4 = 25
        // One DRAM iteration: every fill is a ramp-up and the drain a ramp-down: 24 + 67 + 11 + 14 + 14 + 25 = 155.
        var r = Analyze();
        Assert.That(r.CycleBreakdown["DRAM-"].CompulsoryStall, Is.EqualTo(24 + 67 + 11 + 14 + 14 + 25));
        Assert.That(r.CycleBreakdown["DRAM-"].OptionalStall, Is.EqualTo(0));
    }

    [Test]
    public void Analyze_ClusterNodes_AreTheirStepsWindowsPlusExposedMoves()
    {
        // GB → 4 cores over each core mesh (2×2: 2 hops of 5, 512-bit channels, queuing 2, ports 64 B/cycle): a move of
        // n_u tiles of s elements costs ⌈n_u·s·b/64⌉ + 10 + ⌊s·2·bits/512·2⌋. The row statistics S and Q project on M
        // only, so the 4 cores' tiles are one tile (n_u = 1): 2 rows × 16 bit → 1 + 10 + 0 = 11 cycles, fill or drain.
        // S and Q are intermediates produced in the same GB step, so none of their moves hides (compulsory stalls).
        var r = Analyze();
        const long rowStat = 1 + 10;

        // Node 8 (ROWSUM1, drains S): its leaf per step (4 primitives of 4 cycles + a 1-cycle ramp each way = 18), twice,
        // plus S's drain after each step.
        Assert.That(r.NodeCycles["DataMovementTileNode::9"], Is.EqualTo((4 * 4) + 1 + 1));
        Assert.That(r.NodeCycles["DataMovementTileNode::8"], Is.EqualTo((2 * 18) + (2 * rowStat)));

        // Node 14 (MEAN, SUB1, SQUARE, ROWSUM2: fills S, drains Q): leaves 6 + 8 + 6 + 18 = 38 per step (SUB1 reads two
        // 1-element operands through one OB port, 2 cycles per 1-cycle primitive; only the first primitive's extra cycle
        // counts, the later read-port stalls being overwritten by the write port's zeros, quirk 2), twice, plus S's fill
        // and Q's drain at each step.
        Assert.That(r.NodeCycles["DataMovementTileNode::14"], Is.EqualTo((2 * (6 + 8 + 6 + 18)) + (4 * rowStat)));

        // Node 4 (the GEMM: A multicast to the 4 IBs, B scattered to the 4 WBs, C drained): A ⌈64/64⌉ + 10 + ⌊128·8/512·2⌋
        // = 15 and B ⌈4·64/64⌉ + 10 + ⌊128·8/512·2⌋ = 18 are its ramp-up (B stays for the second step); C's chain does not
        // carry the GB loop's M factor (as in the authors' GEMM-Softmax), so its second-step tile counts as the same tile:
        // its last drain is a 1-cycle memory move. Window: the core loop's 98 per step, less on the first step the 1 cycle
        // the OB's shared port spends taking C from the engine.
        Assert.That(r.NodeCycles["DataMovementTileNode::5"], Is.EqualTo(96 + 1 + 1));
        Assert.That(r.NodeCycles["DataMovementTileNode::4"], Is.EqualTo((2 * 98) - 1 + 15 + 18 + 1));
    }

    [Test]
    public void Analyze_Total_IsDramRampsCollectivesComputeAndOnChipStalls()
    {
        // Total Cycles = Σ over spatial nodes, leaves and collectives of (compulsory + optional stall) × parent iterations,
        // plus the leaves' windows × parent iterations (reference-model §9):
        //   DRAM spatial node: 155 (above);
        //   all-reduces: 2 · 2 · 24 = 96;
        //   leaf windows: GEMM 192, ten 1-cycle SIMD ops 10·8, two row sums 2·32;
        //   leaf ramps: 1 cycle per first operand tile and per last result tile, per GB step: the GEMM 1 + 1, the 1-operand
        //     SIMD leaves (ROWSUM1, MEAN, SQUARE, ROWSUM2, VAR, SQRT) 1 + 1, the 2-operand ones (SUB1, ADDEPS, SUB2, NORM,
        //     SCALE, SHIFT) 2 + 1; plus SUB1, SUB2 and NORM's 1-cycle port stall: (2 + 6·2 + 6·3 + 3) · 2 = 70;
        //   cluster nodes (parent iterations 1): node 4: 34 (ramps) + 0; node 8: 11 + 11; node 14: 22 + 22;
        //     node 30: 55 (Q, EPS, GAMMA, BETA fills of 11 and O's drain of ⌈4·8/64⌉ + 10 + ⌊8·16/512·2⌋ = 11) + 14
        //     (Q's second fill, compulsory, and 3 cycles of O's drain the shared OB port leaves unhidden).
        var r = Analyze();
        const long compute = 192 + (10 * 8) + (2 * 32);
        const long leafRamps = ((2 + (6 * 2) + (6 * 3) + 3) * GbSteps) + 0;
        const long cluster = 34 + 22 + 44 + 55 + 14;
        Assert.That(r.CycleBreakdown["GB-"].CompulsoryStall + r.CycleBreakdown["GB-"].OptionalStall, Is.EqualTo(cluster));
        Assert.That(r.TotalCycles, Is.EqualTo(155 + 96 + compute + leafRamps + cluster));
        Assert.That(r.TotalCycles, Is.EqualTo(826));
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
        // the GBs also take the all-reduces' writes: COMET's direct all-reduce writes (P−1)·4 bytes at the root for the
        // reduce and (P−1)·4 at the others for the broadcast, 24 bytes, for each of 2 all-reduces × 2 GB steps.
        var s = Simulate();
        long Arrived(string level) => s.Traffic!.Where(t => t.Level == level).Sum(t => t.BytesIn) + s.Traffic!.Where(t => t.Parent == level).Sum(t => t.BytesOut);
        foreach (var level in new[] { "IB", "WB", "OB" })
        {
            Assert.That(s.Levels.Single(l => l.Level == level).BytesWritten, Is.EqualTo(Arrived(level)), level);
        }

        Assert.That(s.Levels.Single(l => l.Level == "GB").BytesWritten, Is.EqualTo(Arrived("GB") + (2 * GbSteps * 24)));

        // A reaches every IB once per GB step (2 rows × 32 × 8 bit), B every WB once (32 × 2 columns × 8 bit).
        Assert.That(s.Traffic!.Single(t => t.Level == "IB" && t.Tensor == "A").BytesIn, Is.EqualTo(Cores * GbSteps * RowsPerStep * Depth));
        Assert.That(s.Traffic!.Single(t => t.Level == "WB" && t.Tensor == "B").BytesIn, Is.EqualTo(Cores * Depth * ColsPerCore));
    }
}
