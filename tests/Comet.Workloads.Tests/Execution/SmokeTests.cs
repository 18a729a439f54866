using NUnit.Framework;
using Comet.Sim;
using Comet.Workloads.Execution;
using Comet.Workloads.Inputs;

namespace Comet.Workloads.Tests.Execution;

public class SmokeTests
{
    [Test]
    public void ExBase_SoftmaxLeaf_TakesTheClosedFormOnAnIdleCore()
    {
        // reference-model §10, node 9: 1024 SIMD tiles of 1 cycle + first fill 1 + last drain 1 = 1026; the GEMM
        // leaf (node 5) is 8 × 1048 + 512 + 2 = 8898. Both run on idle engines, so the simulation must match.
        var inputs = CaseFiles.Load("ex_base");
        var result = new DataflowExecutor(inputs, new Simulation()).Run();
        var byName = result.Nodes.ToDictionary(n => n.Name);

        Assert.Multiple(() =>
        {
            Assert.That(byName["DataMovementTileNode::5"].MeanCycles, Is.EqualTo(8898));
            Assert.That(byName["DataMovementTileNode::9"].MeanCycles, Is.EqualTo(1026));
            Assert.That(result.SimulatedCycles, Is.GreaterThanOrEqualTo(byName["DataMovementTileNode::5"].TotalCycles / 16));
        });
    }

    [Test]
    public void ExBase_GatherInput_IsTheOutputBufferTileOf512Elements()
    {
        // reference-model §7: the example's gather reads R = 512 elements per source (one OB tile of D, 4 × 128).
        var inputs = CaseFiles.Load("ex_base");
        var tiles = new TileAnalysis(inputs.Problem, inputs.Mapping);
        var gather = inputs.Mapping.Nodes.OfType<CollectiveOperationNode>().Single();
        var extents = tiles.CollectiveInput(gather.Index);

        Assert.That(extents, Is.Not.Null);
        Assert.That(tiles.ProjectedElements(extents!, gather.InputTensorId, gather.Tag), Is.EqualTo(512));
    }
}
