using Comet.Sim;
using Comet.Workloads.Analytical;
using Comet.Workloads.Execution;
using Comet.Workloads.Inputs;
using Comet.Workloads.Tests.Inputs;
using NUnit.Framework;

namespace Comet.Workloads.Tests.Compound;

/// <summary>
/// The hand-written unfused GEMM-LayerNorm (tests/data/compound/gemm-layernorm-4x32x32-unfused, the sequence-folder
/// format: 01-gemm writes C to DRAM, 02-layernorm reads it back), each step run as its own case on the folder's
/// arch.yaml; the same shape, tiling and distribution as the fused case, so the difference is C's DRAM round trip and
/// the second kernel's ramps.
/// </summary>
public class GemmLayerNormUnfusedTests
{
    private const long ABytes = 4 * 32, BBytes = 32 * 32, CBytes = 4 * 32, EpsBytes = 2, GammaBytes = 32 * 2, BetaBytes = 32 * 2, OBytes = 4 * 32 * 2;

    private static string Folder => Path.Combine(ReferencePaths.RepositoryRoot, "tests", "data", "compound", "gemm-layernorm-4x32x32-unfused");

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
        // 1152 + 128 + 258 + 256 = 1794 bytes against the fused case's 1538: C (128 B) written once and read once more.
        var unfused = new[] { "01-gemm", "02-layernorm" }.Sum(s => Analyze(s).EnergyBreakdownPj["DRAM"]) / 100.0;
        Assert.That(unfused, Is.EqualTo(1538.0 + (2 * CBytes)).Within(1e-6));
    }

    [Test]
    public void EachStep_DramRamps_AreItsFirstFillsAndLastDrain()
    {
        // As in the fused case (L = memory + 2·5 hops + queuing): 01-gemm: A 24, B 67, C drained as a gather of
        // 4 × 32 B (⌈128/25⌉ = 6 + 10 + ⌊64·8/512·2⌋ = 2 → 18). 02-layernorm: C filled as a scatter of 4 × 32 B (18),
        // EPS 11, GAMMA 14, BETA 14, O 25.
        Assert.That(Analyze("01-gemm").CycleBreakdown["DRAM-"].CompulsoryStall, Is.EqualTo(24 + 67 + 18));
        Assert.That(Analyze("02-layernorm").CycleBreakdown["DRAM-"].CompulsoryStall, Is.EqualTo(18 + 11 + 14 + 14 + 25));
    }

    [Test]
    public void EachStep_ComputeWindows_AreTheFusedOnes()
    {
        // The same primitives as fused: GEMM 2·96; ten 1-cycle SIMD ops and two 4-cycle row sums, 8 primitives each.
        Assert.That(Analyze("01-gemm").CycleBreakdown["GEMM"].MemoryWindow, Is.EqualTo(192));
        var ln = Analyze("02-layernorm");
        Assert.That(ln.CycleBreakdown.Where(p => p.Key is not ("DRAM-" or "GB-" or "OB-") && !p.Key.StartsWith("ALLREDUCE", StringComparison.Ordinal)).Sum(p => p.Value.MemoryWindow ?? 0), Is.EqualTo((10 * 8) + (2 * 32)));
        Assert.That(ln.CycleBreakdown["ALLREDUCE-8"].OptionalStall + ln.CycleBreakdown["ALLREDUCE-24"].OptionalStall, Is.EqualTo(2 * 2 * 24));
    }

    [Test]
    public void Unfused_TakesLongerThanFused_Analytically()
    {
        // Fused: 826 cycles (GemmLayerNormFusedTests). Unfused: the two kernels back to back, each with its own DRAM
        // ramps: 349 + 534.
        var unfused = Analyze("01-gemm").TotalCycles + Analyze("02-layernorm").TotalCycles;
        Assert.That(unfused, Is.EqualTo(349 + 534));
        Assert.That(unfused, Is.GreaterThan(826));
    }
}
