using Comet.Hardware.Components;
using Comet.Sim;
using Comet.Workloads.Execution;
using NUnit.Framework;

namespace Comet.Workloads.Tests.Execution;

public class LeafStreamEquivalenceTests
{
    [TestCase("gemm_only", MeshSwitching.StoreAndForward, TransferMode.Serial)]
    [TestCase("ex_base", MeshSwitching.StoreAndForward, TransferMode.Serial)]
    [TestCase("ex_a_mesh3x3", MeshSwitching.StoreAndForward, TransferMode.Serial)]
    [TestCase("gemm_only", MeshSwitching.CutThrough, TransferMode.Serial)]
    [TestCase("gemm_only", MeshSwitching.CutThrough, TransferMode.Pipelined)]
    [TestCase("ex_base", MeshSwitching.CutThrough, TransferMode.Pipelined)]
    public void StreamedLeaves_GiveTheCyclesBytesAndEnergyOfTileByTileLeaves(string name, MeshSwitching network, TransferMode transfers)
    {
        // Streaming changes how a leaf is executed (one local schedule instead of kernel events per tile), not what
        // it does: with leaves whose ports nobody else needs meanwhile, every figure must be the same.
        var tile = new DataflowExecutor(CaseFiles.Load(name), new Simulation(), new ExecutionOptions(StreamLeaves: false, Network: network, Transfers: transfers)).Run();
        var stream = new DataflowExecutor(CaseFiles.Load(name), new Simulation(), new ExecutionOptions(StreamLeaves: true, Network: network, Transfers: transfers)).Run();

        Assert.That(stream.SimulatedCycles, Is.EqualTo(tile.SimulatedCycles));
        Assert.That(stream.Nodes.Select(n => (n.Name, n.MeanCycles)), Is.EqualTo(tile.Nodes.Select(n => (n.Name, n.MeanCycles))));
        Assert.That(stream.Units, Is.EquivalentTo(tile.Units));
        Assert.That(stream.TotalEnergy, Is.EqualTo(tile.TotalEnergy).Within(1e-9).Percent);

        // Store-and-forward meshes cost one event per hop of a tile, so there the leaves' events dominate; cut-through
        // meshes cost one per packet per hop and pipelined transfers a few per chunk, and leave fewer to save.
        Assert.That(stream.Events, Is.LessThan(network == MeshSwitching.StoreAndForward && transfers == TransferMode.Serial ? tile.Events / 3 : tile.Events), "and it is what makes leaves cheap");
    }

    [Test]
    public void StreamedLeaves_AreChargedOnce_HoweverOftenTheResultIsCollected()
    {
        // Streamed invocations are counted and charged to the ports, memories and engines when the result is collected;
        // collecting again must find nothing left to charge.
        var executor = new DataflowExecutor(CaseFiles.Load("ex_base"), new Simulation(), new ExecutionOptions(StreamLeaves: true));
        var first = executor.Run();
        var second = executor.Collect();

        Assert.That(first.Units.Values.Sum(), Is.GreaterThan(0));
        Assert.That(second.Units, Is.EquivalentTo(first.Units));
        Assert.That(second.Levels, Is.EqualTo(first.Levels));
        Assert.That(second.TotalEnergy, Is.EqualTo(first.TotalEnergy));
    }
}
