using Comet.Sim;
using Comet.Workloads.Analytical;
using Comet.Workloads.Execution;
using Comet.Workloads.Inputs;
using Comet.Workloads.Tests.Inputs;
using NUnit.Framework;

namespace Comet.Workloads.Tests.Compound;

/// <summary>
/// The unfused GEMM-LayerNorm (tests/data/compound/gemm-layernorm-16x32x32-unfused, the sequence-folder format):
/// 01-gemm splits N as the fused case does and writes C to DRAM; 02-layernorm reads C back and, rows being independent,
/// splits M 2×2 over the clusters and 2×2 over the cores (one row of 32 per core), so its row statistics stay in the
/// output buffers and need no all-reduce. Each step runs as its own case on the folder's arch.yaml.
/// </summary>
public class GemmLayerNormUnfusedTests
{
    private const long ABytes = 16 * 32, BBytes = 32 * 32, CBytes = 16 * 32, EpsBytes = 2, GammaBytes = 32 * 2, BetaBytes = 32 * 2, OBytes = 16 * 32 * 2;

    private static string Folder => Path.Combine(ReferencePaths.RepositoryRoot, "tests", "data", "compound", "gemm-layernorm-16x32x32-unfused");

    private static CometInputSet Load(string step)
    {
        var dir = Path.Combine(Folder, step);
        return CometInputLoader.Load(Path.Combine(Folder, "arch.yaml"), Path.Combine(dir, "problem.yaml"), Path.Combine(dir, "mapping.yaml"), Path.Combine(dir, "const.yaml"));
    }

    private static AnalyticReport Analyze(string step) => AnalyticalModel.Evaluate(Load(step), new AnalyticOptions(NocEnergy: true));

    private static SimulationResult Simulate(string step) => new DataflowExecutor(Load(step), new Simulation(), ExecutionOptions.Default).Run();

    [Test]
    public void Sequence_ListsTheGemmThenTheLayerNorm() =>
        Assert.That(File.ReadAllLines(Path.Combine(Folder, "sequence.txt")), Is.EqualTo(new[] { "01-gemm", "02-layernorm" }));

    [TestCase("01-gemm", ABytes + BBytes, CBytes)]
    [TestCase("02-layernorm", CBytes + EpsBytes + GammaBytes + BetaBytes, OBytes)]
    public void EachStep_ReadsItsInputsOnceAndWritesItsOutputOnce(string step, long read, long written)
    {
        // Analytic: 800 pJ per 8-byte DRAM access. Simulated: the DRAM channel's own byte counts.
        Assert.That(Analyze(step).EnergyBreakdownPj["DRAM"], Is.EqualTo((read + written) * 100.0).Within(1e-3));
        var dram = Simulate(step).Levels.Single(l => l.Level == "DRAM");
        Assert.That((dram.BytesRead, dram.BytesWritten), Is.EqualTo((read, written)));
    }

    [Test]
    public void Unfused_MovesCThroughDramTwiceMoreThanFused()
    {
        // 1536 + 512 + 642 + 1024 = 3714 bytes against the fused case's 2690: C (512 B) written once and read once more.
        var unfused = new[] { "01-gemm", "02-layernorm" }.Sum(s => Analyze(s).EnergyBreakdownPj["DRAM"]) / 100.0;
        Assert.That(unfused, Is.EqualTo(2690.0 + (2 * CBytes)).Within(1e-6));
    }

    [Test]
    public void Gemm_IsTheFusedGemmWithCDrainedToDram()
    {
        // As in the fused case: DRAM ramps A 63 and B 67, the cluster node 50 + 18 + 14 around the core loop's 119; C
        // leaves as a gather of 4 × 128 B: ⌈512/25⌉ = 21 + 10 + ⌊256·8/512·2⌋ = 8 → 39.
        var r = Analyze("01-gemm");
        Assert.That(r.CycleBreakdown["DRAM-"].CompulsoryStall, Is.EqualTo(63 + 67 + 39));
        Assert.That(r.NodeCycles["DataMovementTileNode::3"], Is.EqualTo(119 + 50 + 18 + 14));
        Assert.That(r.TotalCycles, Is.EqualTo((63 + 67 + 39) + (50 + 18 + 14) + 119));
    }

    [Test]
    public void LayerNorm_IsItsRampsAndLeaves_WithoutCollectives()
    {
        // DRAM → 4 GBs (M split): C scattered 4 × 128 B ⌈512/25⌉ = 21 + 10 + 8 = 39; EPS 11; GAMMA and BETA (the same 32
        // columns for every cluster: multicast) ⌈64/25⌉ = 3 + 10 + ⌊64·16/512·2⌋ = 4 → 17 each; O gathered 4 × 256 B
        // ⌈1024/25⌉ = 41 + 10 + 16 = 67.
        // GB → 4 cores (one row each; the OB mesh sends a shared tile 4 times): C ⌈4·32/64⌉ = 2 + 10 + 2 = 14; EPS
        // ⌈4·2/64⌉ = 1 + 10 = 11; GAMMA and BETA ⌈4·64/64⌉ = 4 + 10 + 4 = 18 each; O ⌈4·64/64⌉ = 4 + 10 + 4 = 18.
        // Leaves: each core's row as 2 primitives of 1×16 (rowsum 4 cycles, the rest 1): windows 10·2 + 2·8 = 36, ramps 1
        // per first operand and last result (12·2 + 6 second operands = 30) and SCALE's and SHIFT's 1-cycle port wait
        // (their second operand, a 16-column slice of GAMMA or BETA, changes with every primitive).
        var r = Analyze("02-layernorm");
        Assert.That(r.CycleBreakdown.Keys.Where(k => k.StartsWith("ALLREDUCE", StringComparison.Ordinal)), Is.Empty);
        Assert.That(r.CycleBreakdown["DRAM-"].CompulsoryStall, Is.EqualTo(39 + 11 + 17 + 17 + 67));
        Assert.That(r.CycleBreakdown["GB-"].CompulsoryStall, Is.EqualTo(14 + 11 + 18 + 18 + 18));
        Assert.That(r.CycleBreakdown.Where(p => p.Key is not ("DRAM-" or "GB-" or "OB-")).Sum(p => p.Value.MemoryWindow ?? 0), Is.EqualTo((10 * 2) + (2 * 8)));
        Assert.That(r.CycleBreakdown["OB-"].CompulsoryStall + r.CycleBreakdown["OB-"].OptionalStall, Is.EqualTo(30 + 2));
        Assert.That(r.TotalCycles, Is.EqualTo(151 + 79 + 36 + 32));
    }

    [Test]
    public void Unfused_OnTheTinyShape_IsFasterThanFused_ForWantOfCollectives()
    {
        // At 16×32×32, C's round trip costs little (2 × 512 B) while the fused case's two all-reduces cost 100 cycles and
        // its N split sends each row statistic 4 times through the OB mesh: unfused 370 + 298 < fused 713.
        var unfused = Analyze("01-gemm").TotalCycles + Analyze("02-layernorm").TotalCycles;
        Assert.That(unfused, Is.EqualTo(370 + 298));
        Assert.That(unfused, Is.LessThan(713));
    }
}
