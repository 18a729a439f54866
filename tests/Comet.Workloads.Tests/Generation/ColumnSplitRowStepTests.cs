using Comet.Sim;
using Comet.Workloads.Analytical;
using Comet.Workloads.Execution;
using Comet.Workloads.Generation;
using Comet.Workloads.Inputs;
using NUnit.Framework;

namespace Comet.Workloads.Tests.Generation;

/// <summary>
/// A 1×N row (M = 1 on the edge preset's 2×2 clusters × 2×2 cores) cannot spread rows over 16 cores, so the unfused
/// row step splits N as the fused tree does and all-reduces its row statistics. Hand counts: GEMM-Softmax 1×64×32 moves
/// A = 32 B, B = 32·64 = 2 048 B and H = 64 B through DRAM fused, plus C = 64 B written and read back unfused; the
/// softmax step all-reduces the row max D and the row sum G. GEMM-LayerNorm 1×64×32's LayerNorm step reads C = 64 B,
/// GAMMA and BETA = 64·2 B each and EPS = 2 B, writes O = 64·2 B, and all-reduces the row sums S and Q.
/// </summary>
public class ColumnSplitRowStepTests
{
    private static GenerationRequest Request(string op, bool fused) => new(op, "edge", new Dictionary<string, long> { ["M"] = 1, ["N"] = 64, ["K"] = 32 }, fused);

    // Writes the generated files to a temporary folder and loads them: a sequence's steps, or the one fused case.
    private static IReadOnlyList<CometInputSet> Load(GeneratedCase generated)
    {
        var folder = Path.Combine(Path.GetTempPath(), "comet-colsplit-" + Guid.NewGuid().ToString("N"));
        try
        {
            foreach (var file in generated.Files)
            {
                var path = Path.Combine(folder, file.RelativePath);
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                File.WriteAllText(path, file.Text);
            }

            if (!File.Exists(Path.Combine(folder, SequenceFolder.SequenceFile)))
            {
                return [CometInputLoader.LoadFolder(folder)];
            }

            var sequence = SequenceFolder.Open(folder);
            return [.. sequence.Steps.Select(s => sequence.Load(s))];
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static IEnumerable<string> Reduced(CometInputSet inputs)
        => inputs.Mapping.Nodes.OfType<CollectiveOperationNode>().Where(c => c.Kind == CollectiveKind.AllReduce).Select(c => inputs.Problem.TensorNames[c.InputTensorId]);

    private static (long Read, long Written) SimulatedDram(CometInputSet inputs)
    {
        var dram = new DataflowExecutor(inputs, new Simulation()).Run().Levels.Single(l => l.Level == "DRAM");
        return (dram.BytesRead, dram.BytesWritten);
    }

    [Test]
    public void TheRule_SplitsColumnsOnlyWhenRowsDoNotDivideOverTheMachine()
    {
        var (clusters, cores) = (new MeshSplit(2, 2), new MeshSplit(2, 2));
        Assert.That(ColumnSplitRowStep.Needed(1, clusters, cores), Is.True);
        Assert.That(ColumnSplitRowStep.Needed(24, clusters, cores), Is.True, "24 rows over 16 cores");
        Assert.That(ColumnSplitRowStep.Needed(32, clusters, cores), Is.False);
    }

    [Test]
    public void UnfusedSoftmaxOfOneRow_SplitsN_AllReducesTheRowMaxAndSum_AndMovesCThroughDramOnce()
    {
        var generated = CompoundTemplates.Generate(Request("gemm-softmax", fused: false));
        var softmax = Load(generated)[1];
        Assert.That(Reduced(softmax), Is.EqualTo(new[] { "D", "G" }));
        var factors = generated.Factors.ToDictionary(p => p.Key, p => p.Value);
        Assert.That((factors["02-softmax:N_DRAM_spatial_X"], factors["02-softmax:N_GB_spatial_Y"], factors["02-softmax:N_SM"]), Is.EqualTo(("2", "2", "4")), "64 columns over 16 cores: 4 per core, one SIMD tile");
        Assert.That(SimulatedDram(softmax), Is.EqualTo((64L, 64L)), "C read back once, H written once");
    }

    [Test]
    public void UnfusedOfOneRow_AddsTheIntermediateTwiceToTheFusedDramBytes()
    {
        // 800 pJ per 8-byte DRAM access on the edge preset: bytes = energy / 800 · 8.
        static long Bytes(CometInputSet inputs) => (long)Math.Round(AnalyticalModel.Evaluate(inputs, new AnalyticOptions(NocEnergy: true)).EnergyBreakdownPj["DRAM"] / 800 * 8);
        var fused = Load(CompoundTemplates.Generate(Request("gemm-softmax", fused: true))).Single();
        var unfused = Load(CompoundTemplates.Generate(Request("gemm-softmax", fused: false)));
        Assert.That(Bytes(fused), Is.EqualTo(32 + 2048 + 64));
        Assert.That(unfused.Sum(Bytes), Is.EqualTo(32 + 2048 + 64 + 64 + 64));
    }

    [Test]
    public void UnfusedLayerNormOfOneRow_AllReducesBothRowSums_AndReadsItsParametersOnce()
    {
        var steps = Load(CompoundTemplates.Generate(Request("gemm-layernorm", fused: false)));
        var layerNorm = steps[1];
        Assert.That(Reduced(layerNorm), Is.EqualTo(new[] { "S", "Q" }));
        Assert.That(SimulatedDram(layerNorm), Is.EqualTo((64L + 128 + 128 + 2, 128L)));
        Assert.That(SimulatedDram(steps[0]), Is.EqualTo((32L + 2048, 64L)), "the GEMM reads A and B and writes C");
    }
}
