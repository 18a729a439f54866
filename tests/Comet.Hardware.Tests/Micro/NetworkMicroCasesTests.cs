using Comet.Hardware.Components;
using Comet.Hardware.Energy;
using Comet.Hardware.Micro;
using Comet.Sim;
using NUnit.Framework;

namespace Comet.Hardware.Tests.Micro;

public class NetworkMicroCasesTests
{
    // 64 KiB at 128 B/cycle streams in 512 cycles; a 1 KiB packet in 8; hop 5 cycles; the local ports eject 256 B/cycle.
    [TestCase("mesh-unicast-3-hops", 527L, 527L)]                          // 3·5 + 512
    [TestCase("mesh-unicast-3-hops-store-and-forward", 1551L, 1551L)]      // 3·(5 + 512)
    [TestCase("mesh-multicast-16", 542L, 542L)]                            // 6·5 + 512, the farthest leaf
    [TestCase("contention-two-flows-one-link", 522L, 1034L)]               // 128 packets alternate on the shared link: the far flow's last starts at 127·8 = 1016, + 8 + 2·5
    [TestCase("contention-hotspot", 517L, 773L)]                           // 192 packets of 4 cycles through one ejection port from cycle 5: 5 + 768
    [TestCase("contention-scatter-from-corner", 522L, 1034L)]              // (1,0) and (1,1) alternate on the first east link, as two flows on one link
    public void Case_GivesTheHandDerivedCycles(string name, long expected, long simulated)
    {
        var c = NetworkMicroCases.All().Single(m => m.Name == name);
        Assert.That((c.ExpectedCycles, c.SimulatedCycles), Is.EqualTo((expected, simulated)));
        Assert.That(c.Holds);
    }

    [Test]
    public void EveryCase_Holds_AndContentionCasesTakeLonger()
    {
        var cases = NetworkMicroCases.All();
        Assert.That(cases.Select(c => c.Name), Is.Unique);
        Assert.That(cases.Where(c => c.IsContention).All(c => c.SimulatedCycles > c.ExpectedCycles));
        Assert.That(cases.All(c => c.Holds));
    }

    [Test]
    public void Multicast_CrossesEachLinkOfItsTreeOnce()
    {
        var sim = new Simulation();
        var mesh = new MeshNoc(sim, NetworkMicroCases.Mesh, new EnergyLedger());
        var all = Enumerable.Range(0, 16).Select(i => new MeshNode(i % 4, i / 4)).ToArray();
        sim.Process(mesh.Send(sim, new ComponentRef("GB", 0), ActivityLabel.None, new MeshNode(0, 0), all, NetworkMicroCases.TransferBytes), "m");
        sim.Run();
        Assert.That(mesh.ByteHops, Is.EqualTo(15 * NetworkMicroCases.TransferBytes));
    }

    [Test]
    public void Holds_IsEqualityForAMechanismAndExcessForContention()
    {
        Assert.That(new MicroCase("mesh-x", "f", 10, 10).Holds);
        Assert.That(new MicroCase("mesh-x", "f", 10, 11).Holds, Is.False);
        Assert.That(new MicroCase("contention-x", "f", 10, 11).Holds);
        Assert.That(new MicroCase("contention-x", "f", 10, 10).Holds, Is.False);
    }
}
