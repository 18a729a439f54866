using Comet.Workloads.Inputs;
using Comet.Workloads.Loop;
using Comet.Workloads.Tests.Inputs;
using NUnit.Framework;

namespace Comet.Workloads.Tests.Compound;

/// <summary>The operands LayerNorm needs besides rows of C: a scalar (ε), per-column vectors (γ, β), per-row statistics, and <c>sub</c>.</summary>
public class LayerNormOperandTests
{
    private static CometInputSet Fused() => CometInputLoader.LoadFolder(Path.Combine(ReferencePaths.RepositoryRoot, "tests", "data", "compound", "gemm-layernorm-16x32x32-fused"));

    [Test]
    public void Problem_ProjectionsOfTheConstantsAndStatistics_AreScalarColumnAndRow()
    {
        var p = Fused().Problem;
        TensorProjection Of(string op, string tensor) => p.FindOperation(op)!.Projections[p.TensorNames.ToList().IndexOf(tensor)];
        int Dim(string d) => p.DimensionNames.ToList().IndexOf(d);
        Assert.That(Of("ADDEPS", "EPS").Ranks, Is.Empty);
        Assert.That(Of("SCALE", "GAMMA").Ranks.Select(r => r.Single()), Is.EqualTo(new[] { Dim("N") }));
        Assert.That(Of("SHIFT", "BETA").Ranks.Select(r => r.Single()), Is.EqualTo(new[] { Dim("N") }));
        Assert.That(Of("NORM", "SD").Ranks.Select(r => r.Single()), Is.EqualTo(new[] { Dim("M") }));
    }

    [Test]
    public void Mapping_SubLeaves_AreSubOperations() =>
        Assert.That(Fused().Mapping.Nodes.OfType<OperationNode>().Where(o => o.OperationName is "SUB1" or "SUB2").Select(o => o.Kind), Is.EqualTo(new[] { OperationKind.Sub, OperationKind.Sub }));

    [Test]
    public void LoopNest_TheConstantsAndStatistics_MoveAsTheirProjectionsSay()
    {
        // Node 30 (VAR … SHIFT) fills per core: Q (16 rows: the same tile for the 4 cores of a cluster, which split N),
        // EPS (1 element, one tile for all), GAMMA and BETA (the core's 2 columns: 4 distinct tiles), and drains O
        // (16 rows × 2 columns per core, 4 distinct tiles).
        var inputs = Fused();
        var loops = LoopNestAnalyzer.Analyze(inputs.Architecture, inputs.Problem, inputs.Mapping);
        var names = inputs.Problem.TensorNames;
        var gb = inputs.Architecture.Levels.ToList().FindIndex(l => l.Name == "GB");
        var node = loops.Tiles.Single(t => t is not null && t.Node.IsSpatial && t.Node.Entries[0].TargetLevelId == gb && t.Node.Entries.Any(e => names[e.TensorId] == "GAMMA"))!;
        var moves = node.Node.Entries.Select((e, i) => (Tensor: names[e.TensorId], Step: (node.Moves[i][0].Elements, node.Moves[i][0].UniqueTiles))).ToDictionary(x => x.Tensor, x => x.Step);
        Assert.That(moves["Q"], Is.EqualTo((16L, 1L)));
        Assert.That(moves["EPS"], Is.EqualTo((1L, 1L)));
        Assert.That(moves["GAMMA"], Is.EqualTo((2L, 4L)));
        Assert.That(moves["BETA"], Is.EqualTo((2L, 4L)));
        Assert.That(moves["O"], Is.EqualTo((32L, 4L)));
    }
}
