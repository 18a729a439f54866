using Comet.Hardware.Components;
using Comet.Hardware.Energy;
using Comet.Sim;
using Comet.Workloads.Collectives;
using Comet.Workloads.Inputs;
using NUnit.Framework;

namespace Comet.Workloads.Tests.Collectives;

/// <summary>The schedules move the bytes their algorithms move; the requested algorithm follows the command line, then the node's key, then the automatic rule.</summary>
public class CollectiveAlgorithmsTests
{
    private static long LinkBytes(CollectiveSchedule s) => s.Phases.SelectMany(p => p.Flows).Sum(f => f.Bytes * f.To.Count);

    [Test]
    public void RingAllReduce_SixteenNodes_MovesTwiceFifteenSixteenthsOfEveryTile()
    {
        // 2(p−1) steps, each of the 16 nodes sending n/p = 128 B: 30 · 16 · 128 = 61 440 B = 2·(15/16)·16·2048.
        var s = CollectiveAlgorithms.Build(CollectiveAlgorithm.AllReduce, CollectiveAlgorithmChoice.Ring, CollectiveLayout.OneMesh(16, 4), 2048, 1024, true, false);
        Assert.That(s.Phases, Has.Count.EqualTo(30));
        Assert.That(LinkBytes(s), Is.EqualTo(61440));

        // Every node combines 15 chunks of 64 elements, in parallel (one reduction per node per step).
        Assert.That(s.Phases.SelectMany(p => p.Reductions).GroupBy(r => r.Node).Select(g => g.Sum(r => r.Elements)), Is.All.EqualTo(15 * 64));
    }

    [Test]
    public void TwoDAllReduce_FourByFour_RowsThenColumnsThenRows()
    {
        // 3 row reduce-scatter steps (512 B), 3 + 3 column steps (128 B), 3 row all-gather steps (512 B), 16 senders each.
        var s = CollectiveAlgorithms.Build(CollectiveAlgorithm.AllReduce, CollectiveAlgorithmChoice.TwoD, CollectiveLayout.OneMesh(16, 4), 2048, 1024, true, false);
        Assert.That(s.Phases.Select(p => p.Name), Is.EqualTo(Enumerable.Repeat("row_reduce_scatter", 3).Concat(Enumerable.Repeat("column_reduce_scatter", 3)).Concat(Enumerable.Repeat("column_all_gather", 3)).Concat(Enumerable.Repeat("row_all_gather", 3))));
        Assert.That(LinkBytes(s), Is.EqualTo(16 * ((6 * 512) + (6 * 128))));
    }

    [Test]
    public void BinomialBroadcast_ReachesEveryNodeOnce_InLog2Rounds()
    {
        var s = CollectiveAlgorithms.Build(CollectiveAlgorithm.Broadcast, CollectiveAlgorithmChoice.Binomial, CollectiveLayout.OneMesh(16, 4), 512, 256, false, false);
        Assert.That(s.Phases, Has.Count.EqualTo(4));
        var receivers = s.Phases.SelectMany(p => p.Flows).SelectMany(f => f.To).ToList();
        Assert.That(receivers.Order(), Is.EqualTo(Enumerable.Range(1, 15)));

        // A sender always already holds the data: the root, or a node that received it in an earlier round.
        var holders = new HashSet<int> { 0 };
        foreach (var phase in s.Phases)
        {
            Assert.That(phase.Flows.Select(f => f.From), Is.SubsetOf(holders));
            holders.UnionWith(phase.Flows.SelectMany(f => f.To));
        }
    }

    [Test]
    public void TreeReduce_EveryNodeButTheRootSendsOnce_ReceiversCombine()
    {
        var s = CollectiveAlgorithms.Build(CollectiveAlgorithm.Reduce, CollectiveAlgorithmChoice.Tree, CollectiveLayout.OneMesh(6, 3), 512, 256, false, false);
        Assert.That(s.Phases, Has.Count.EqualTo(3));
        Assert.That(s.Phases.SelectMany(p => p.Flows).Select(f => f.From).Order(), Is.EqualTo(Enumerable.Range(1, 5)));
        Assert.That(s.Phases.SelectMany(p => p.Reductions).Sum(r => r.Elements), Is.EqualTo(5 * 256));
    }

    [Test]
    public void Direct_IsTodaysSchedule()
    {
        var direct = CollectiveAlgorithms.Build(CollectiveAlgorithm.AllReduce, CollectiveAlgorithmChoice.Direct, CollectiveLayout.OneMesh(4, 2), 512, 256, true, false);
        var today = CollectiveSchedule.Build(CollectiveAlgorithm.AllReduce, 4, 512, 256, true, false);
        Assert.That(direct.Phases.Select(p => p.Name), Is.EqualTo(today.Phases.Select(p => p.Name)));
        Assert.That(LinkBytes(direct), Is.EqualTo(LinkBytes(today)));
        Assert.That(direct.Choice, Is.EqualTo(CollectiveAlgorithmChoice.Direct));
    }

    [Test]
    public void LinkLoads_DirectGatherOnTwoByTwo_TwoTilesShareTheLastLinkIntoTheRoot()
    {
        // XY routes into router (0,0): 1 → 0 over (1,0)→(0,0); 2 → 0 over (0,1)→(0,0); 3 = (1,1) → (0,1) → (0,0).
        var mesh = new MeshNoc(new Simulation(), new MeshParameters("OB.link", "OB", 2, 2, 5, 32, 2, 128), new EnergyLedger());
        var fabric = CollectiveFabric.OneMesh(mesh);
        var loads = new Dictionary<(MeshNoc Mesh, int Link), long>();
        foreach (var from in new[] { 1, 2, 3 })
        {
            fabric.AddLoads(from, [0], 512, false, loads);
        }

        Assert.That(loads.Values.Sum(), Is.EqualTo(4 * 512));
        Assert.That(loads.Values.Max(), Is.EqualTo(2 * 512));
        Assert.That(loads[(mesh, mesh.Route(new MeshNode(0, 1), new MeshNode(0, 0)).Single())], Is.EqualTo(1024));
    }

    [Test]
    public void Requested_CommandLineWinsWhereItApplies_ThenTheKey()
    {
        Assert.That(CollectiveAutoRule.Requested(CollectiveKind.AllReduce, CollectiveAlgorithmChoice.Ring, CollectiveAlgorithmChoice.TwoD), Is.EqualTo(CollectiveAlgorithmChoice.Ring));
        Assert.That(CollectiveAutoRule.Requested(CollectiveKind.Broadcast, CollectiveAlgorithmChoice.Direct, CollectiveAlgorithmChoice.Binomial), Is.EqualTo(CollectiveAlgorithmChoice.Direct));
        Assert.That(CollectiveAutoRule.Requested(CollectiveKind.Broadcast, CollectiveAlgorithmChoice.Ring, CollectiveAlgorithmChoice.Binomial), Is.EqualTo(CollectiveAlgorithmChoice.Binomial));
        Assert.That(CollectiveAutoRule.Requested(CollectiveKind.AllReduce, CollectiveAlgorithmChoice.Auto, CollectiveAlgorithmChoice.TwoD), Is.EqualTo(CollectiveAlgorithmChoice.TwoD));
    }

    [Test]
    public void Auto_CheapestIdleCost_TiesToDirect_FixedRulesForTheOtherKinds()
    {
        Assert.That(CollectiveAutoRule.Pick(CollectiveKind.AllReduce, true, false, c => c == CollectiveAlgorithmChoice.TwoD ? 228 : c == CollectiveAlgorithmChoice.Ring ? 270 : 1180), Is.EqualTo(CollectiveAlgorithmChoice.TwoD));
        Assert.That(CollectiveAutoRule.Pick(CollectiveKind.AllGather, true, false, _ => 100), Is.EqualTo(CollectiveAlgorithmChoice.Direct));
        Assert.That(CollectiveAutoRule.Pick(CollectiveKind.Broadcast, false, false, _ => 0), Is.EqualTo(CollectiveAlgorithmChoice.Binomial));
        Assert.That(CollectiveAutoRule.Pick(CollectiveKind.Broadcast, true, false, _ => 0), Is.EqualTo(CollectiveAlgorithmChoice.Multicast));
        Assert.That(CollectiveAutoRule.Pick(CollectiveKind.Reduction, false, false, _ => 0), Is.EqualTo(CollectiveAlgorithmChoice.Tree));
        Assert.That(CollectiveAutoRule.Pick(CollectiveKind.Reduction, false, true, _ => 0), Is.EqualTo(CollectiveAlgorithmChoice.InNetwork));
        Assert.That(CollectiveAutoRule.Pick(CollectiveKind.Gather, false, false, _ => 0), Is.EqualTo(CollectiveAlgorithmChoice.Direct));
    }
}
