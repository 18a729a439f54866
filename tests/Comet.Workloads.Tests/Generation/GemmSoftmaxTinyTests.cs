using Comet.Sim;
using Comet.Workloads.Analytical;
using Comet.Workloads.Execution;
using Comet.Workloads.Generation;
using Comet.Workloads.Inputs;
using Comet.Workloads.Tests.Inputs;
using NUnit.Framework;

namespace Comet.Workloads.Tests.Generation;

/// <summary>
/// GEMM-Softmax at M=4, N=16, K=8 on the edge preset with one cluster and one core (<c>--split cluster=1x1,core=1x1</c>),
/// fused and unfused (tests/data/compound/gemm-softmax-4x16x8-*): the analytic cycles and DRAM bytes derived by hand.
/// </summary>
/// <remarks>
/// Edge preset: SystolicArray 32x32 in an 8x8 grid, SIMD width W = 16, DRAM 25 B/cycle and 800 pJ per 8-byte access,
/// DRAM→GB and GB→core networks 64 B/cycle. The default rule gives one tile per level: M_Compute = 4 rows, N_Compute
/// = 16, K_Compute = 8; SIMD leaves M_SM·N_SM·K_SM = 1·16·8 with reduction factor K = 8, looped M_SE = 4 times.
/// Compute (the TMW rows), the same fused and unfused:
///   GEMM   = ⌈8/256⌉·⌈16/256⌉·(2·32 + 32 + T − 2), T = 4 rows  = 98
///   ROWMAX = 4 · c(⌈log2 16⌉ = 4) · ⌈1·16·8 / (16·8)⌉          = 16
///   SUB = 4·1 = 4, EXP1 = 4·3 = 12, ROWSUM = 4·4 = 16, DIV = 4·1 = 4      (total 150)
/// DRAM (every byte moves once, ⌈bytes / 25⌉ per tensor): A = 4·8 = 32 B → 2, B = 8·16 = 128 B → 6, H = 4·16 = 64 B → 3;
///   fused 2 + 6 + 3 = 11; unfused GEMM 2 + 6 + 3 (C = 64 B written) = 11 and softmax 3 (C read) + 3 (H) = 6.
/// Cluster buffer → core (⌈bytes / 64⌉ per tensor): unfused GEMM A 1 + B 2 + C 1 = 4; softmax C (16-bit, 128 B) 2 +
///   H 2 = 4; fused A 1 + B 2 + C 1 + D 1 (8 B, ROWMAX) + D 1 (SUB) + F 2 (128 B) + G 1 + G 1 + H 2 = 12.
/// The core-level rows (OB→SIMD: one compulsory cycle per tensor tile of the five SIMD leaves, 2 + 3 + 2 + 2 + 3 = 12,
/// plus 2 optional; IB/WB/OB→GEMM: 2) are the same subtrees in both dataflows, checked equal rather than derived.
/// Totals: fused 150 + 11 + 12 + 14 + 2 = 189; unfused (98 + 11 + 4 + 2) + (52 + 6 + 4 + 14) = 115 + 76 = 191.
/// DRAM bytes: fused A + B + H = 32 + 128 + 64 = 224; unfused adds C written and read back: 224 + 64 + 64 = 352.
/// </remarks>
public class GemmSoftmaxTinyTests
{
    private static string Folder(string variant) => Path.Combine(ReferencePaths.RepositoryRoot, "tests", "data", "compound", $"gemm-softmax-4x16x8-{variant}");

    private static GenerationRequest Request(bool fused) => new("gemm-softmax", "edge", new Dictionary<string, long> { ["M"] = 4, ["N"] = 16, ["K"] = 8 }, fused, new MeshSplit(1, 1), new MeshSplit(1, 1));

    private static AnalyticReport Analyze(CometInputSet inputs) => AnalyticalModel.Evaluate(inputs, new AnalyticOptions(NocEnergy: true));

    [TestCase(true, "fused")]
    [TestCase(false, "unfused")]
    public void TheTemplate_WritesTheCheckedInFiles(bool fused, string variant)
    {
        foreach (var file in CompoundTemplates.Generate(Request(fused)).Files)
        {
            Assert.That(file.Text, Is.EqualTo(File.ReadAllText(Path.Combine(Folder(variant), file.RelativePath))), file.RelativePath);
        }
    }

    [Test]
    public void Fused_AnalyticCycles_AreTheHandDerivedSum()
    {
        var report = Analyze(CometInputLoader.LoadFolder(Folder("fused")));
        var rows = report.CycleBreakdown;
        Assert.That(rows["GEMM"].Total, Is.EqualTo(98));
        Assert.That(rows["ROWMAX"].Total + rows["SUB"].Total + rows["EXP1"].Total + rows["ROWSUM"].Total + rows["DIV"].Total, Is.EqualTo(16 + 4 + 12 + 16 + 4));
        Assert.That(rows["DRAM-"].Total, Is.EqualTo(2 + 6 + 3));
        Assert.That(rows["GB-"].Total, Is.EqualTo(1 + 2 + 1 + 1 + 1 + 2 + 1 + 1 + 2));
        Assert.That(rows["OB-"].CompulsoryStall, Is.EqualTo(2 + 3 + 2 + 2 + 3));
        Assert.That(report.TotalCycles, Is.EqualTo(189));
    }

    [Test]
    public void Unfused_AnalyticCycles_AreTheHandDerivedSumOfTheTwoSteps()
    {
        var sequence = SequenceFolder.Open(Folder("unfused"));
        Assert.That(sequence.Steps, Is.EqualTo(new[] { "01-gemm", "02-softmax" }));
        var gemm = Analyze(sequence.Load("01-gemm"));
        var softmax = Analyze(sequence.Load("02-softmax"));
        Assert.That(gemm.CycleBreakdown["GEMM"].Total, Is.EqualTo(98));
        Assert.That(gemm.CycleBreakdown["DRAM-"].Total, Is.EqualTo(2 + 6 + 3));
        Assert.That(gemm.CycleBreakdown["GB-"].Total, Is.EqualTo(1 + 2 + 1));
        Assert.That(softmax.CycleBreakdown["DRAM-"].Total, Is.EqualTo(3 + 3));
        Assert.That(softmax.CycleBreakdown["GB-"].Total, Is.EqualTo(2 + 2));
        Assert.That(gemm.TotalCycles, Is.EqualTo(115));
        Assert.That(softmax.TotalCycles, Is.EqualTo(76));

        // The core-level subtrees are the same in both dataflows, so are their rows.
        var fused = Analyze(CometInputLoader.LoadFolder(Folder("fused")));
        Assert.That(softmax.CycleBreakdown["OB-"], Is.EqualTo(fused.CycleBreakdown["OB-"]));
        Assert.That(gemm.CycleBreakdown["OB-IB-WB-"], Is.EqualTo(fused.CycleBreakdown["OB-IB-WB-"]));
        Assert.That(gemm.TotalCycles + softmax.TotalCycles - fused.TotalCycles, Is.EqualTo(191 - 189));
    }

    [Test]
    public void DramBytes_AnalyticFromEnergyAndSimulated_FusedSavesTheIntermediateTwice()
    {
        // 800 pJ per 8-byte DRAM access: bytes = energy / 800 · 8.
        static long AnalyticBytes(AnalyticReport r) => (long)Math.Round(r.EnergyBreakdownPj["DRAM"] / 800 * 8);
        var fusedInputs = CometInputLoader.LoadFolder(Folder("fused"));
        var sequence = SequenceFolder.Open(Folder("unfused"));
        var steps = sequence.Steps.Select(s => sequence.Load(s)).ToList();
        Assert.That(AnalyticBytes(Analyze(fusedInputs)), Is.EqualTo(32 + 128 + 64));
        Assert.That(steps.Sum(s => AnalyticBytes(Analyze(s))), Is.EqualTo(32 + 128 + 64 + 64 + 64));

        // Conservation in simulation: each tensor crosses the DRAM port exactly once per read or write.
        var fused = Dram(new DataflowExecutor(fusedInputs, new Simulation()).Run());
        Assert.That((fused.BytesRead, fused.BytesWritten), Is.EqualTo((32L + 128, 64L)));
        var unfused = steps.Select(s => Dram(new DataflowExecutor(s, new Simulation()).Run())).ToList();
        Assert.That((unfused[0].BytesRead, unfused[0].BytesWritten), Is.EqualTo((32L + 128, 64L)), "the GEMM reads A and B and writes C");
        Assert.That((unfused[1].BytesRead, unfused[1].BytesWritten), Is.EqualTo((64L, 64L)), "the softmax reads C back and writes H");
    }

    private static LevelStatistics Dram(SimulationResult result) => result.Levels.Single(l => l.Level == "DRAM");
}
