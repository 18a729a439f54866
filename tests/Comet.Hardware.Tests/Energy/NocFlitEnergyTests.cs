using Comet.Hardware.Components;
using Comet.Hardware.Energy;
using Comet.Hardware.Micro;
using Comet.Sim;
using NUnit.Framework;

namespace Comet.Hardware.Tests.Energy;

/// <summary>NoC energy per flit per hop (issue 12 item 5), on the cloud example's GBuffer mesh: 2048-bit channels, queuing delay 2.</summary>
/// <remarks>
/// Hand derivation from COMET's own one-router figures (the Orion terms with one router and one link): an empty
/// packet costs 176.232 pJ there, of which 137.572 is the crossbar over its three allocation stages (45.857 each) and
/// the rest per-hop pipeline terms; one 2048-bit flit more adds 204.746 − 176.232 = 28.514 (buffer write and read,
/// crossbar control, output, link wire and latches for the flit's 2 cycles). Per flit: 28.514 + 45.857 = 74.371 pJ;
/// 2 KiB = 16 384 bits = 8 flits = 594.971 pJ per router and link crossed; 0 bytes = 0 flits = 0 pJ.
/// </remarks>
public class NocFlitEnergyTests
{
    private const double FlitPj = 74.371407;
    private const double TwoKiBPj = 594.971253;

    [Test]
    public void EmptyPacket_CostsNothing_And2KiB_CostsEightFlits()
    {
        Assert.That(OrionRouterEnergy.HopEnergy(2048, 2, 0), Is.Zero);
        Assert.That(OrionRouterEnergy.FlitEnergy(2048, 2), Is.EqualTo(FlitPj).Within(1e-5));
        Assert.That(OrionRouterEnergy.HopEnergy(2048, 2, 2048 * 8), Is.EqualTo(TwoKiBPj).Within(1e-5));
    }

    [Test]
    public void Energy_IsProportionalToFlits_APartFlitCountingWhole()
    {
        var flit = OrionRouterEnergy.FlitEnergy(2048, 2);
        Assert.That(OrionRouterEnergy.HopEnergy(2048, 2, 8), Is.EqualTo(flit), "1 byte still occupies one flit");
        Assert.That(OrionRouterEnergy.HopEnergy(2048, 2, 2049), Is.EqualTo(2 * flit));
        Assert.That(OrionRouterEnergy.HopEnergy(2048, 2, 1024 * 8) * 2, Is.EqualTo(OrionRouterEnergy.HopEnergy(2048, 2, 2048 * 8)).Within(1e-9));
    }

    [TestCase(MeshSwitching.CutThrough)]
    [TestCase(MeshSwitching.StoreAndForward)]
    public void Mesh_PricesEveryLinkCrossedPerFlit_WhateverThePacketSize(MeshSwitching switching)
    {
        // 3 hops of 2 KiB: three routers and links; cut-through moves it as two 1 KiB packets of 4 flits, store-and-forward
        // as one of 8, so both give 3 × 594.971. The multicast tree to all 16 routers crosses each of its 15 links once.
        var mesh = NetworkMicroCases.Mesh with { Switching = switching, RouterEnergy = true };
        var all = Enumerable.Range(0, 16).Select(i => new MeshNode(i % 4, i / 4)).ToArray();

        Assert.That(Send(mesh, [new(2, 1)], 2048), Is.EqualTo(3 * TwoKiBPj).Within(1e-4));
        Assert.That(Send(mesh, all, 2048), Is.EqualTo(15 * TwoKiBPj).Within(1e-4));
        Assert.That(Send(mesh, [new(2, 1)], 0), Is.Zero);
        Assert.That(Send(mesh with { RouterEnergy = false }, [new(2, 1)], 2048), Is.Zero, "without --calc_noc_energy links cost nothing");
    }

    private static double Send(MeshParameters parameters, MeshNode[] to, long bytes)
    {
        var sim = new Simulation();
        var ledger = new EnergyLedger();
        var mesh = new MeshNoc(sim, parameters, ledger);
        sim.Process(mesh.Send(sim, new ComponentRef("GB", 0), ActivityLabel.None, new MeshNode(0, 0), to, bytes), "send");
        sim.Run();
        return ledger.Total;
    }
}
