using Comet.Hardware.Components;
using Comet.Sim;
using Comet.Workloads.Collectives;
using Comet.Workloads.Execution;
using NUnit.Framework;

namespace Comet.Workloads.Tests.Execution;

/// <summary>The collective algorithm chosen per run: direct keeps today's figures, auto picks per collective, and the result names what ran.</summary>
public class CollectiveAlgorithmRunTests
{
    private static SimulationResult Run(CollectiveAlgorithmChoice collectives, TransferMode transfers = TransferMode.Pipelined) =>
        new DataflowExecutor(CaseFiles.Load("im_edge_M256N256K128_0"), new Simulation(), ExecutionOptions.Default with { Collectives = collectives, Transfers = transfers, Instances = transfers == TransferMode.Serial ? InstanceSync.Lockstep : InstanceSync.Free, Reuse = transfers == TransferMode.Serial ? TileReuse.None : TileReuse.CrossInvocation }).Run();

    [Test]
    public void Direct_KeepsTodaysCycles_AndSaysDirect()
    {
        // docs/simulator.md's figure for im_edge with the root-centric collectives (cut-through, serial transfers, lock-step instances, no reuse: every other mechanism as before).
        var r = Run(CollectiveAlgorithmChoice.Direct, TransferMode.Serial);
        Assert.That(r.SimulatedCycles, Is.EqualTo(25_254_152));
        Assert.That(r.Nodes.Where(n => n.Kind == "collective").Select(n => n.Algorithm), Is.All.EqualTo("direct"));
    }

    [Test]
    public void Auto_PicksPerCollective_ByTileSize()
    {
        // ALLREDUCE::12 moves a tiny tile: the ring's 2(p−1) hop latencies cost more than the root's work, so direct;
        // ALLREDUCE::21's larger tile is cheapest rows-then-columns on the 2×2 GBuffer mesh.
        var r = Run(CollectiveAlgorithmChoice.Auto);
        var algorithms = r.Nodes.Where(n => n.Kind == "collective").ToDictionary(n => n.Name, n => n.Algorithm);
        Assert.That(algorithms["CollectiveOpNode::12"], Is.EqualTo("direct"));
        Assert.That(algorithms["CollectiveOpNode::21"], Is.EqualTo("2d"));
        var direct = Run(CollectiveAlgorithmChoice.Direct).Nodes.Single(n => n.Name == "CollectiveOpNode::21");
        Assert.That(r.Nodes.Single(n => n.Name == "CollectiveOpNode::21").MeanCyclesPerInvocation, Is.LessThan(direct.MeanCyclesPerInvocation));
    }
}
