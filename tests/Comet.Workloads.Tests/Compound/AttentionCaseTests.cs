using Comet.Sim;
using Comet.Workloads.Analytical;
using Comet.Workloads.Execution;
using Comet.Workloads.Generation;
using Comet.Workloads.Inputs;
using Comet.Workloads.Tests.Inputs;
using NUnit.Framework;

namespace Comet.Workloads.Tests.Compound;

/// <summary>
/// Self-attention at a tiny shape (L = 32, 4 heads, head dim 16, 8-bit Q/K/V/S/P at DRAM and GB, 16-bit softmax
/// intermediates, the edge arch), fused FlashAttention-style and unfused (QKᵀ → S to DRAM → softmax → P to DRAM → P·V):
/// analytic cycles and DRAM bytes derived by hand, S and P never in DRAM when fused, bytes conserved in simulation.
/// </summary>
/// <remarks>
/// Edge arch figures used below: DRAM bw 25 B/cycle (one port), 800 pJ per 8-byte access; DRAM→GB mesh 2×2 bw 64 B/cycle,
/// hop 5, queuing 2, channel 512 bits (hops H = 2 and data multiplier D = 2 on a 2×2 mesh); GB→IB/WB/OB meshes 2×2
/// bw 64; IB→engine 64 B/cycle, WB→engine 512, OB↔engine 64, OB↔SE 64; systolic 32×32 arrays in an 8×8 grid;
/// VSIMD width 16 (add/max/mult/div 1 cycle, exp 3, rowsum/rowmax ⌈log2 16⌉ = 4).
/// A tile's latency is L = max(⌈U·S·b/Bt⌉, ⌈S·b/Bc⌉) + H·5 + (S·D·bits/512)·2 (the last two only on a mesh of 4).
/// </remarks>
public class AttentionCaseTests
{
    private const int Heads = 4;
    private const int Seq = 32;
    private const int HeadDim = 16;

    private static string Folder(string name) => Path.Combine(ReferencePaths.RepositoryRoot, "tests", "data", "compound", name);

    private static CometInputSet Fused() => CometInputLoader.LoadFolder(Folder("attention-s32h4d16-fused"));

    // An unfused step: its problem/mapping/const beside the sequence's arch.yaml.
    private static CometInputSet Step(string step)
    {
        var dir = Folder("attention-s32h4d16-unfused");
        var s = Path.Combine(dir, step);
        return CometInputLoader.Load(Path.Combine(dir, "arch.yaml"), Path.Combine(s, "problem.yaml"), Path.Combine(s, "mapping.yaml"), Path.Combine(s, "const.yaml"));
    }

    private static readonly string[] Steps = ["01-qk", "02-softmax", "03-pv"];

    private static SimulationResult Simulate(CometInputSet inputs) => new DataflowExecutor(inputs, new Simulation(), ExecutionOptions.Default).Run();

    private static long Row(AnalyticReport r, string unit) => r.CycleBreakdown[unit].Total;

    // DRAM energy is bytes / 8 (the DRAM width) accesses × 800 pJ: 100 pJ per byte.
    private static long AnalyticDramBytes(AnalyticReport r) => (long)(r.EnergyBreakdownPj["DRAM"] / 100);

    // comet generate attention --preset edge --seq 32 --heads 4 --head-dim 16 [--factor N_block=16 | --unfused]
    private static GenerationRequest Request(bool fused) => new(
        "attention", "edge", new Dictionary<string, long> { ["L"] = Seq, ["H"] = Heads, ["D"] = HeadDim, ["B"] = 1 }, fused,
        Overrides: fused ? new Dictionary<string, string> { ["N_block"] = "16" } : null);

    [TestCase(true, "attention-s32h4d16-fused")]
    [TestCase(false, "attention-s32h4d16-unfused")]
    public void TheTemplate_WritesTheCheckedInFiles(bool fused, string folder)
    {
        var files = CompoundTemplates.Generate(Request(fused)).Files;
        Assert.That(files.Select(f => f.RelativePath), Is.SupersetOf(fused ? new[] { "problem.yaml", "mapping.yaml", "const.yaml" } : new[] { "sequence.txt", "02-softmax/mapping.yaml" }));
        foreach (var file in files)
        {
            Assert.That(file.Text, Is.EqualTo(File.ReadAllText(Path.Combine(Folder(folder), file.RelativePath))), file.RelativePath);
        }
    }

    [Test]
    public void TheRule_PicksTheLargestKvBlockAndQueryTileThatFit()
    {
        // Without an override the tiny shape fits whole: one K/V block of all 32 keys, each core's 8 query rows at once.
        var constants = CompoundTemplates.Generate(Request(true) with { Overrides = null }).Factors.ToDictionary(p => p.Key, p => p.Value);
        Assert.That((constants["N_block"], constants["N_GB_temporal"], constants["M_core"], constants["M_DRAM_temporal"]), Is.EqualTo(("32", "1", "8", "1")));

        // BERT-base on the edge preset: the K/V block is the largest divisor of 512 no wider than the array's 8 × 32 = 256
        // columns. Each core has 512 / 4 = 128 query rows; 128 at once would need Q (128 × 64 B) and P (128 × 256 B) =
        // 40 KiB in the 32 KiB input buffer, 64 need 20 KiB: 2 query blocks at DRAM, 3 heads per cluster.
        var bert = new GenerationRequest("attention", "edge", new Dictionary<string, long> { ["L"] = 512, ["H"] = 12, ["D"] = 64, ["B"] = 1 }, true);
        var c = CompoundTemplates.Generate(bert).Factors.ToDictionary(p => p.Key, p => p.Value);
        Assert.That((c["N_block"], c["M_core"], c["M_DRAM_temporal"], c["H_DRAM_temporal"]), Is.EqualTo(("256", "64", "2", "3")));

        // On the cloud preset 12 heads do not spread over 16 clusters: heads take the mesh's X (4), query rows its Y (4).
        var cloud = CompoundTemplates.Generate(bert with { Preset = "cloud" }).Factors.ToDictionary(p => p.Key, p => p.Value);
        Assert.That((cloud["H_DRAM_spatial_X"], cloud["H_DRAM_spatial_Y"], cloud["M_DRAM_spatial_X"], cloud["M_DRAM_spatial_Y"], cloud["H_DRAM_temporal"]), Is.EqualTo(("4", "1", "1", "4", "3")));
    }

    [Test]
    public void UnfusedSoftmax_StepsOverQueryRowBlocksAtDram_WhenAHeadsRowsDoNotFitTheClusterBuffer()
    {
        // LLaMA-7B at L = 4096 on the cloud preset: 32 heads over 16 clusters, 2 per cluster step, every query row on a
        // cluster. The softmax stages S and P (1 B each) for its rows of one head in the 8 MiB cluster buffer:
        // 2 · (4096 / s) · 4096 B ≤ 8 388 608 gives the fewest DRAM row blocks s = 4 (s = 2 needs 16 MiB).
        var llama = new GenerationRequest("attention", "cloud", new Dictionary<string, long> { ["L"] = 4096, ["H"] = 32, ["D"] = 128, ["B"] = 1 }, false);
        var c = CompoundTemplates.Generate(llama).Factors.ToDictionary(p => p.Key, p => p.Value);
        Assert.That((c["02-softmax:M_DRAM_temporal"], c["02-softmax:H_DRAM_temporal"]), Is.EqualTo(("4", "2")));

        // The tiny shape fits with one block, as before the rule had row blocks.
        var tiny = CompoundTemplates.Generate(Request(false)).Factors.ToDictionary(p => p.Key, p => p.Value);
        Assert.That(Steps.Select(s => tiny[$"{s}:M_DRAM_temporal"]), Is.All.EqualTo("1"));
    }

    [Test]
    public void Sequence_ListsTheThreeStepsInRunOrder()
    {
        var lines = File.ReadAllLines(Path.Combine(Folder("attention-s32h4d16-unfused"), "sequence.txt"));
        Assert.That(lines, Is.EqualTo(Steps));
    }

    [Test]
    public void Fused_ComputeRows_AreTheHandDerivedTileTimesTimesTheKvBlocks()
    {
        var r = AnalyticalModel.Evaluate(Fused());

        // Per core (query rows split 2×2 over a cluster's cores: 8 rows), 2 K/V blocks of 16 keys.
        // GEMM tile (M 8, N 16, D 16), M streamed (T = 8): ⌈16/256⌉·⌈16/256⌉·(2·32 + 32 + 8 − 2) = 102 cycles, twice.
        Assert.That(Row(r, "QK"), Is.EqualTo(2 * 102));
        Assert.That(Row(r, "PV"), Is.EqualTo(2 * 102));

        // SIMD, 8×16 = 128 elements = 8 instructions of 16 lanes per block: rowmax/rowsum 4, exp 3, sub 1 cycle each.
        Assert.That(Row(r, "BMAX"), Is.EqualTo(2 * 8 * 4));
        Assert.That(Row(r, "BSUM"), Is.EqualTo(2 * 8 * 4));
        Assert.That(Row(r, "EXPS"), Is.EqualTo(2 * 8 * 3));
        Assert.That(Row(r, "SUBS"), Is.EqualTo(2 * 8 * 1));

        // The running statistics are 8 values per core: one instruction per block (max, sub, exp, mult, add).
        Assert.That(Row(r, "NMAX"), Is.EqualTo(2 * 1));
        Assert.That(Row(r, "DM"), Is.EqualTo(2 * 1));
        Assert.That(Row(r, "ALPHA"), Is.EqualTo(2 * 3));
        Assert.That(Row(r, "LSCALE"), Is.EqualTo(2 * 1));
        Assert.That(Row(r, "LACC"), Is.EqualTo(2 * 1));

        // Rescaling O (8×16 = 128 values: 8 instructions) per block; the final O/l once (8·32·16 / (16·32) = 8 instructions).
        Assert.That(Row(r, "OSCALE"), Is.EqualTo(2 * 8));
        Assert.That(Row(r, "FDIV"), Is.EqualTo(8));
    }

    [Test]
    public void Fused_MemoryRows_AreTheHandDerivedRampsOfEachLevel()
    {
        var r = AnalyticalModel.Evaluate(Fused());

        // DRAM → 4 GBs (one head each): Q, K, V fills of 512 B scattered (U = 4): ⌈4·512/25⌉ = 82 + 2·5 + (1024·8/512)·2 = 32
        // → 124 each; Out's drain the same 124. CS = 3·124 + 124.
        Assert.That(Row(r, "DRAM-"), Is.EqualTo(4 * 124));

        // Cores: QK reads Q 128 B from IB (⌈128/64⌉ = 2), K 256 B from WB (⌈256/512⌉ = 1), drains S 128 B to OB (2);
        // PV the same with P, V, O. CS = max(2, 1) + 2 per GEMM tile, 2 blocks × 2 GEMMs.
        Assert.That(Row(r, "OB-IB-WB-"), Is.EqualTo(2 * 2 * (2 + 2)));

        // OB ↔ SE (64 B/cycle), 16-bit values: a 128-element tile is 256 B (4 cycles), an 8-value vector 16 B (1 cycle).
        // Per leaf, reads then writes: BMAX 4+1, NMAX 2+1, DM 2+1, ALPHA 1+1, SUBS 5+4, EXPS 4+4, BSUM 4+1, LSCALE 1+1,
        // LACC 1+1, OSCALE 1+4 = 44 per block; FDIV reads O and l (4+1) and writes Out (4) once.
        Assert.That(Row(r, "OB-"), Is.EqualTo(2 * 44 + 9));

        // GB → cores, each spatial node's stalls beyond its children's window: QK fills Q (128 B scattered:
        // ⌈4·128/64⌉ = 8 + 10 + (256·8/512)·2 = 8 → 26) once and K (256 B multicast: 4 + 10 + 16 → 30) per block, the
        // second K hidden behind the first block's GEMM: 26 + 30; PV the same with P and V: 26 + 30; FDIV drains Out
        // (128 B gathered: 26). The softmax node's drains of Mb (16 B: 1 + 10 + 1 → 12) and P (26) give 38 of its 53;
        // the other 15 are the model's stall of the first block's drains, taken as it computes them, not derived here.
        Assert.That(Row(r, "GB-"), Is.EqualTo((26 + 30) + (26 + 30) + 26 + 53));
        Assert.That(r.TotalCycles, Is.EqualTo((4 * 124) + 16 + 97 + 191 + 638));
    }

    [Test]
    public void Unfused_EveryStepsCycles_AreDerivedByHand()
    {
        // 01-qk: DRAM fills Q, K 512 B per GB (124 each, as in the fused case); drains S 1024 B per GB:
        // ⌈4·1024/25⌉ = 164 + 10 + (2048·8/512)·2 = 64 → 238. CS = 124 + 124 + 238 = 486.
        // GB → cores: Q 128 B scattered ⌈4·128/64⌉ = 8 + 10 + 8 = 26; K 512 B broadcast ⌈512/64⌉ = 8 + 10 + 32 = 50;
        // S 256 B gathered ⌈4·256/64⌉ = 16 + 10 + 16 = 42. CS = 26 + 50 + 42 = 118.
        // Cores: Q 128 B from IB 2, K 512 B from WB 1, S 256 B to OB 4 → CS 2 + 4 = 6. GEMM tile (8, 32, 16): 102.
        var qk = AnalyticalModel.Evaluate(Step("01-qk"));
        Assert.That(Row(qk, "DRAM-"), Is.EqualTo(486));
        Assert.That(Row(qk, "GB-"), Is.EqualTo(118));
        Assert.That(Row(qk, "OB-IB-WB-"), Is.EqualTo(6));
        Assert.That(qk.TotalCycles, Is.EqualTo(486 + 118 + 6 + 102));

        // 02-softmax: DRAM fill S and drain P, 1024 B per GB: 238 each. GB → cores: S and P 256 B per core: 42 each.
        // OB ↔ SE, 16-bit, a row block 8×32 = 512 B (8 cycles), a vector 16 B (1): ROWMAX 8+1, SUB 9+8, EXP1 8+8,
        // ROWSUM 8+1, DIV 9+8 = 68. Compute, 256 elements = 16 instructions: 16·4 + 16·1 + 16·3 + 16·4 + 16·1.
        var sm = AnalyticalModel.Evaluate(Step("02-softmax"));
        Assert.That(Row(sm, "DRAM-"), Is.EqualTo(2 * 238));
        Assert.That(Row(sm, "GB-"), Is.EqualTo(2 * 42));
        Assert.That(Row(sm, "OB-"), Is.EqualTo(68));
        Assert.That(sm.TotalCycles, Is.EqualTo(476 + 84 + 68 + (16 * (4 + 1 + 3 + 4 + 1))));

        // 03-pv: DRAM P 1024 B (238), V 512 (124), Out 512 (124); GB → cores P 256 B scattered (42), V 512 B broadcast
        // (50), Out 128 B gathered (26); cores P 256 B (4), V (1), Out 128 B (2). GEMM tile 102.
        var pv = AnalyticalModel.Evaluate(Step("03-pv"));
        Assert.That(Row(pv, "DRAM-"), Is.EqualTo(238 + 124 + 124));
        Assert.That(Row(pv, "GB-"), Is.EqualTo(42 + 50 + 26));
        Assert.That(Row(pv, "OB-IB-WB-"), Is.EqualTo(4 + 2));
        Assert.That(pv.TotalCycles, Is.EqualTo(486 + 118 + 6 + 102));
    }

    [Test]
    public void DramBytes_FusedMovesOnlyQKVAndOut_UnfusedAlsoSAndPTwice()
    {
        // Q, K, V, Out: H·L·D bytes each (8-bit). S and P: H·L² each, written by one step and read by the next.
        const long qkvo = Heads * Seq * HeadDim;
        const long sp = Heads * Seq * Seq;
        Assert.That(AnalyticDramBytes(AnalyticalModel.Evaluate(Fused())), Is.EqualTo(4 * qkvo));
        var unfused = Steps.Sum(s => AnalyticDramBytes(AnalyticalModel.Evaluate(Step(s))));
        Assert.That(unfused, Is.EqualTo((4 * qkvo) + (2 * sp) + (2 * sp)));
    }

    [Test]
    public void SimulatedDramTraffic_OfSAndP_IsZeroFused_AndTwoLSquaredBytesPerHeadUnfused()
    {
        static long Dram(SimulationResult r, string tensor) =>
            r.Traffic!.Where(t => t.Parent == "DRAM" && t.Tensor == tensor).Sum(t => t.BytesIn + t.BytesOut);

        var fused = Simulate(Fused());
        Assert.That(Dram(fused, "S") + Dram(fused, "P"), Is.Zero);
        Assert.That(fused.Traffic!.Where(t => t.Parent == "DRAM").Select(t => t.Tensor).Distinct(), Is.EquivalentTo(new[] { "Q", "K", "V", "Out" }));

        // S leaves the GEMM engines only into the OBs; P goes OB → GB → IB, never further.
        Assert.That(fused.Traffic!.Where(t => t.Tensor == "S").Select(t => t.Level).Distinct(), Is.EquivalentTo(new[] { "SE", "GEMMEngine" }));

        var steps = Steps.Select(s => Simulate(Step(s))).ToList();
        const long perHead = 2L * Seq * Seq; // 8-bit: written once, read once
        Assert.That(Dram(steps[0], "S") + Dram(steps[1], "S"), Is.EqualTo(Heads * perHead));
        Assert.That(Dram(steps[1], "P") + Dram(steps[2], "P"), Is.EqualTo(Heads * perHead));
    }

    [Test]
    public void Fused_OnChipTraffic_IsTheHandDerivedTiles_AndTheQueryBlockLoopMovesNothing()
    {
        static long In(SimulationResult r, string level, string tensor) => r.Traffic!.Where(t => t.Level == level && t.Tensor == tensor).Sum(t => t.BytesIn);
        static long Out(SimulationResult r, string level, string tensor) => r.Traffic!.Where(t => t.Level == level && t.Tensor == tensor).Sum(t => t.BytesOut);
        var r = Simulate(Fused());

        // Each core's GEMM drains S into its own OB although the spatial node above lists only Q and K: 4 clusters × 4
        // cores = 16 engines at work (the OB pairs with the core's bound IB and WB; unpaired, all four drained into OB 0).
        Assert.That(r.Levels.Single(l => l.Level == "GEMMEngine").Instances, Is.EqualTo(16));

        // The query-block loop (GB → GB entries for Q, K, V) iterates over tiles already in the GBs: no move at all.
        Assert.That(r.Traffic!.Where(t => t.Parent == t.Level), Is.Empty);

        // 16 cores, 8 query rows each, 2 K/V blocks of 16 keys, head dim 16, 8-bit:
        // Q 8×16 = 128 B per core once (the K/V loop reuses it); P 8×16 per core per block, OB → GB → IB;
        // K and V 16×16 = 256 B per block multicast to the 4 cores of each of the 4 clusters.
        Assert.That(In(r, "IB", "Q"), Is.EqualTo(16 * 128));
        Assert.That(Out(r, "OB", "P"), Is.EqualTo(2 * 16 * 128));
        Assert.That(In(r, "IB", "P"), Is.EqualTo(2 * 16 * 128));
        Assert.That(In(r, "WB", "K"), Is.EqualTo(2 * 4 * 4 * 256));
        Assert.That(In(r, "WB", "V"), Is.EqualTo(2 * 4 * 4 * 256));

        // The block max goes to the GB (16-bit, 8 values per core per block); Out once (8×16 per core).
        Assert.That(Out(r, "OB", "Mb"), Is.EqualTo(2 * 16 * 8 * 2));
        Assert.That(Out(r, "OB", "Out"), Is.EqualTo(16 * 128));
    }

    [Test]
    public void Simulation_ConservesBytes_AtEveryLevel()
    {
        foreach (var inputs in Steps.Select(Step).Prepend(Fused()))
        {
            var r = Simulate(inputs);
            foreach (var level in r.Levels.Where(l => !inputs.Architecture.Levels.First(a => a.Name == l.Level).IsCompute))
            {
                // What a memory level counted written is what fills delivered into it plus what its children drained into it.
                var delivered = r.Traffic!.Where(t => t.Level == level.Level).Sum(t => t.BytesIn)
                    + r.Traffic!.Where(t => t.Parent == level.Level).Sum(t => t.BytesOut);
                Assert.That(level.BytesWritten, Is.EqualTo(delivered), level.Level);
            }

            // DRAM: each input byte read once (the mesh multicasts), each output byte written once.
            var dram = r.Levels.Single(l => l.Level == "DRAM");
            Assert.That(dram.BytesRead + dram.BytesWritten, Is.EqualTo(AnalyticDramBytes(AnalyticalModel.Evaluate(inputs))));
        }
    }
}
