using Comet.Hardware.Components;
using Comet.Hardware.Energy;
using Comet.Sim;
using NUnit.Framework;

namespace Comet.Hardware.Tests.Components;

public class MeshNocTests
{
    // The example's OBuffer link mesh: 2x2, hop 5, queuing delay 2, channel width 32 bits.
    private static readonly MeshParameters Ob = new("OBuffer.link", "OB", 2, 2, HopLatencyCycles: 5, ChannelWidthBits: 32, QueuingDelay: 2, PortBytesPerCycle: 128, BroadcastSupport: true);

    [Test]
    public void Tree_OfAUnicast_IsMemoisedAndTheTreeOfItsDestinationSet()
    {
        // (0,0) to (3,2) on a 4x4 mesh: X first, 3 + 2 links, one ejection; a list naming the destination twice is the same set.
        var mesh = new MeshNoc(new Simulation(), Ob with { X = 4, Y = 4 }, new EnergyLedger());
        var unicast = mesh.Tree(new MeshNode(0, 0), [new MeshNode(3, 2)]);
        var twice = mesh.Tree(new MeshNode(0, 0), [new MeshNode(3, 2), new MeshNode(3, 2)]);
        Assert.That(mesh.Tree(new MeshNode(0, 0), [new MeshNode(3, 2)]), Is.SameAs(unicast));
        Assert.That((unicast.Links, unicast.Destinations, unicast.Count), Is.EqualTo((5, 1, 6)));
        Assert.That((twice.Links, twice.Destinations), Is.EqualTo((unicast.Links, unicast.Destinations)));
        Assert.That(Enumerable.Range(0, unicast.Count).Select(unicast.RouterOf), Is.EqualTo(Enumerable.Range(0, twice.Count).Select(twice.RouterOf)));
        Assert.That(Enumerable.Range(0, unicast.Count).Select(unicast.OutputsOf), Is.EqualTo(Enumerable.Range(0, twice.Count).Select(twice.OutputsOf)));
        Assert.That(mesh.Tree(new MeshNode(3, 2), [new MeshNode(0, 0)]), Is.Not.SameAs(unicast));
    }

    [Test]
    public void Route_IsDimensionOrdered_XThenY()
    {
        var mesh = new MeshNoc(new Simulation(), Ob with { X = 4, Y = 4 }, new EnergyLedger());
        var route = mesh.Route(new MeshNode(0, 0), new MeshNode(2, 1));
        Assert.That(route, Has.Count.EqualTo(3));
        Assert.That(mesh.LinkName(new MeshNode(0, 0), new MeshNode(1, 0)), Is.EqualTo("link:OB0->OB1"));
    }

    [Test]
    public void Unicast_TwoHops_IsStoreAndForward()
    {
        // One hop of 512 B: 5 + 512·8·2/32 = 261; two hops: 522.
        var sim = new Simulation();
        var mesh = new MeshNoc(sim, Ob, new EnergyLedger());
        sim.Process(mesh.Send(sim, new ComponentRef("OB", 3), ActivityLabel.None, new MeshNode(1, 1), [new MeshNode(0, 0)], 512), "u");
        sim.Run();
        Assert.That(sim.Now, Is.EqualTo(522));
        Assert.That(mesh.ByteHops, Is.EqualTo(1024));
    }

    [Test]
    public void TwoTransfersSharingALink_TheSecondWaitsAndIsTracedAsAStall()
    {
        // Alone each takes 261 cycles; on one link the second ends at 522 (contention, not a formula).
        var sim = new Simulation();
        var sink = new RecordingSink();
        sim.Trace = sink;
        var mesh = new MeshNoc(sim, Ob, new EnergyLedger());
        var a = sim.Process(mesh.Send(sim, new ComponentRef("OB", 0), ActivityLabel.None, new MeshNode(0, 0), [new MeshNode(1, 0)], 512), "a");
        var b = sim.Process(mesh.Send(sim, new ComponentRef("OB", 0), ActivityLabel.None, new MeshNode(0, 0), [new MeshNode(1, 0)], 512), "b");
        sim.Run();
        Assert.That(sim.Now, Is.EqualTo(522));
        var stall = sink.Records.Single(r => r.Activity == ActivityKind.Stall);
        Assert.That(stall.Detail, Is.EqualTo("link:OB0->OB1"));
        Assert.That((stall.Start, stall.End), Is.EqualTo((0L, 261L)));
    }

    [Test]
    public void RouterEnergy_PricesEveryLinkCrossingWithTheOneHopOrionModel()
    {
        // COMET's router and link models for one router and one link carrying 512 B; a 2-hop unicast crosses two and
        // a 3-leaf multicast tree three, so they cost 2× and 3× that. Without the option links cost nothing.
        var oneHop = OrionRouterEnergy.HopEnergy(32, 2, 512 * 8);
        Assert.That(oneHop, Is.GreaterThan(0));
        Assert.That(oneHop, Is.LessThan(OrionRouterEnergy.Energy(32, 1, 2, 512 * 8, 2)), "COMET's transfer energy counts every router of the mesh");

        Assert.That(LinkEnergy(Ob with { RouterEnergy = true }, new MeshNode(1, 1), [new MeshNode(0, 0)]), Is.EqualTo(2 * oneHop).Within(1e-9));
        Assert.That(LinkEnergy(Ob with { RouterEnergy = true }, new MeshNode(0, 0), [new(1, 0), new(0, 1), new(1, 1)]), Is.EqualTo(3 * oneHop).Within(1e-9));
        Assert.That(LinkEnergy(Ob, new MeshNode(1, 1), [new MeshNode(0, 0)]), Is.Zero);

        static double LinkEnergy(MeshParameters parameters, MeshNode from, MeshNode[] to)
        {
            var sim = new Simulation();
            var ledger = new EnergyLedger();
            var mesh = new MeshNoc(sim, parameters, ledger);
            sim.Process(mesh.Send(sim, new ComponentRef("OB", 0), ActivityLabel.None, from, to, 512), "send");
            sim.Run();
            return ledger.Total;
        }
    }

    [Test]
    public void Multicast_TakesAsLongAsTheFarthestLeaf()
    {
        var sim = new Simulation();
        var mesh = new MeshNoc(sim, Ob, new EnergyLedger());
        sim.Process(mesh.Send(sim, new ComponentRef("OB", 0), ActivityLabel.None, new MeshNode(0, 0), [new(1, 0), new(0, 1), new(1, 1)], 512), "m");
        sim.Run();
        Assert.That(sim.Now, Is.EqualTo(522));
        Assert.That(mesh.ByteHops, Is.EqualTo(3 * 512), "a tree crosses each of its three links once");
    }

    [Test]
    public void PathCycles_NonIntegerSerialization_AddsUpToTheTruncatedTotal()
    {
        // 3 bytes, q 1, W 32: per hop 5 + 24/32 = 5.75; three hops ⌊17.25⌋ = 17.
        var p = Ob with { QueuingDelay = 1 };
        Assert.That(p.PathCycles(3, 3), Is.EqualTo(17));
        Assert.That(p.PathCycles(3, 1) + (p.PathCycles(3, 2) - p.PathCycles(3, 1)) + (p.PathCycles(3, 3) - p.PathCycles(3, 2)), Is.EqualTo(17));
    }
}
