using Comet.Sim;
using Comet.Workloads.Execution;
using NUnit.Framework;

namespace Comet.Workloads.Tests.Execution;

public class LeafStreamEquivalenceTests
{
    [TestCase("gemm_only")]
    [TestCase("ex_base")]
    [TestCase("ex_a_mesh3x3")]
    public void StreamedLeaves_GiveTheCyclesBytesAndEnergyOfTileByTileLeaves(string name)
    {
        // Streaming changes how a leaf is executed (one local schedule instead of kernel events per tile), not what
        // it does: with leaves whose ports nobody else needs meanwhile, every figure must be the same.
        var tile = new DataflowExecutor(CaseFiles.Load(name), new Simulation(), new ExecutionOptions(StreamLeaves: false)).Run();
        var stream = new DataflowExecutor(CaseFiles.Load(name), new Simulation(), new ExecutionOptions(StreamLeaves: true)).Run();

        Assert.That(stream.SimulatedCycles, Is.EqualTo(tile.SimulatedCycles));
        Assert.That(stream.Nodes.Select(n => (n.Name, n.MeanCycles)), Is.EqualTo(tile.Nodes.Select(n => (n.Name, n.MeanCycles))));
        Assert.That(stream.Units, Is.EquivalentTo(tile.Units));
        Assert.That(stream.TotalEnergy, Is.EqualTo(tile.TotalEnergy).Within(1e-9).Percent);
        Assert.That(stream.Events, Is.LessThan(tile.Events / 3), "and it is what makes leaves cheap");
    }
}
