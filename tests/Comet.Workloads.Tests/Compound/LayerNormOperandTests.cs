using Comet.Workloads.Inputs;
using Comet.Workloads.Loop;
using Comet.Workloads.Tests.Inputs;
using NUnit.Framework;

namespace Comet.Workloads.Tests.Compound;

/// <summary>The operands LayerNorm needs besides rows of C: a scalar (ε), per-column vectors (γ, β), per-row statistics, and <c>sub</c>.</summary>
public class LayerNormOperandTests
{
    private static CometInputSet Fused() => CometInputLoader.LoadFolder(Path.Combine(ReferencePaths.RepositoryRoot, "tests", "data", "compound", "gemm-layernorm-4x32x32-fused"));

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
    public void LoopNest_TheConstants_MoveOnceAndTheRowStatisticsEveryStep()
    {
        // Node 30 (VAR … SHIFT) fills per core, per GB step: Q (2 rows), EPS (1 element, the same for every core: one tile
        // multicast), GAMMA and BETA (the core's 2 columns: 4 distinct tiles), then drains O (2 rows × 2 columns). The
        // constants do not change along the GB loop over M, so their second step is a reuse (0 tiles).
        var inputs = Fused();
        var loops = LoopNestAnalyzer.Analyze(inputs.Architecture, inputs.Problem, inputs.Mapping);
        var names = inputs.Problem.TensorNames;
        var gb = inputs.Architecture.Levels.ToList().FindIndex(l => l.Name == "GB");
        var node = loops.Tiles.Single(t => t is not null && t.Node.IsSpatial && t.Node.Entries[0].TargetLevelId == gb && t.Node.Entries.Any(e => names[e.TensorId] == "GAMMA"))!;
        var moves = node.Node.Entries.Select((e, i) => (Tensor: names[e.TensorId], Steps: node.Moves[i].Select(m => (m.Elements, m.UniqueTiles)).ToArray())).ToDictionary(x => x.Tensor, x => x.Steps);
        Assert.That(moves["Q"], Is.EqualTo(new[] { (2L, 1L), (2L, 1L) }));
        Assert.That(moves["EPS"], Is.EqualTo(new[] { (1L, 1L), (1L, 0L) }));
        Assert.That(moves["GAMMA"], Is.EqualTo(new[] { (2L, 4L), (2L, 0L) }));
        Assert.That(moves["BETA"], Is.EqualTo(new[] { (2L, 4L), (2L, 0L) }));
        Assert.That(moves["O"], Is.EqualTo(new[] { (4L, 4L), (4L, 4L) }));
    }
}
