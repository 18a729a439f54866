using Comet.Hardware.Components;
using Comet.Hardware.Energy;
using Comet.Sim;
using NUnit.Framework;

namespace Comet.Hardware.Tests.Components;

public class CutThroughMeshTests
{
    // 4×4, hop 5 cycles, 256-bit channel every cycle (32 B/cycle): a 1 KiB packet streams through a link in 32 cycles;
    // the local ports eject at 64 B/cycle.
    private static readonly MeshParameters Mesh = new("GB.noc", "GB", 4, 4, HopLatencyCycles: 5, ChannelWidthBits: 256, QueuingDelay: 1, PortBytesPerCycle: 64, BroadcastSupport: true, Switching: MeshSwitching.CutThrough, PacketBytes: 1024);

    private static (long Cycles, long Events, MeshNoc Mesh) Run(MeshParameters p, params (MeshNode From, MeshNode[] To, long Bytes)[] transfers)
    {
        var sim = new Simulation();
        var mesh = new MeshNoc(sim, p, new EnergyLedger());
        foreach (var (from, to, bytes) in transfers)
        {
            sim.Process(mesh.Send(sim, new ComponentRef("GB", 0), ActivityLabel.None, from, to, bytes), "send");
        }

        sim.Run();
        return (sim.Now, sim.ProcessedEvents, mesh);
    }

    private static long RunOne(MeshParameters p, MeshNode from, MeshNode[] to, long bytes, out MeshNoc mesh)
    {
        var sim = new Simulation();
        mesh = new MeshNoc(sim, p, new EnergyLedger());
        var done = sim.Process(mesh.Send(sim, new ComponentRef("GB", 0), ActivityLabel.None, from, to, bytes), "send");
        sim.Run(done);
        return sim.Now;
    }

    [Test]
    public void IdlePath_PaysTheHopsOnceAndTheSerializationOnce()
    {
        // (0,0) → (2,1): H = 3 hops; 4 KiB = 4 packets: 3·5 + 4096/32 = 143 (store-and-forward: 3·(5 + 128) = 399).
        Assert.That(RunOne(Mesh, new(0, 0), [new(2, 1)], 4096, out var mesh), Is.EqualTo(143));
        Assert.That(mesh.ByteHops, Is.EqualTo(3 * 4096));
        Assert.That(RunOne(Mesh with { Switching = MeshSwitching.StoreAndForward }, new(0, 0), [new(2, 1)], 4096, out _), Is.EqualTo(399));
    }

    [Test]
    public void IdlePath_OddSizes_AddUpToOneCeilingOverTheWholeTransfer()
    {
        // 32-bit channel every cycle = 4 B/cycle; 3001 B = packets of 1024, 1024, 953 streaming 256, 256, 239 cycles:
        // 2 hops → 2·5 + ⌈3001/4⌉ = 761. A queuing delay of 2 halves the rate: 2·5 + ⌈3001·8·2/32⌉ = 1511.
        var p = Mesh with { ChannelWidthBits = 32, QueuingDelay = 0 };
        Assert.That(RunOne(p, new(3, 3), [new(3, 1)], 3001, out _), Is.EqualTo(761));
        Assert.That(RunOne(p with { QueuingDelay = 2 }, new(3, 3), [new(3, 1)], 3001, out _), Is.EqualTo(1511));
        Assert.That(p.LinkCycles(0, 1024) + p.LinkCycles(1024, 1024) + p.LinkCycles(2048, 953), Is.EqualTo(751));
    }

    [Test]
    public void SinglePacket_CostsOneKernelEventPerHop()
    {
        // One packet over 3 hops: the process start, one wake-up per router reached, one at delivery, the process's end.
        var (cycles, events, _) = Run(Mesh, (new(0, 0), [new(2, 1)], 1024));
        Assert.That(cycles, Is.EqualTo(3 * 5 + 32));
        Assert.That(events, Is.EqualTo(6));
    }

    [Test]
    public void ManyPackets_CostAtMostOneKernelEventPerPacketPerHop()
    {
        // 64 packets over 3 hops: 64 injections and 192 head arrivals at most, however they interleave.
        var (cycles, events, _) = Run(Mesh, (new(0, 0), [new(2, 1)], 64 * 1024));
        Assert.That(cycles, Is.EqualTo(3 * 5 + 64 * 32));
        Assert.That(events, Is.LessThanOrEqualTo(64 * (3 + 1) + 3));
    }

    [Test]
    public void Multicast_ForksAtRouters_EachLinkOnce_AsLongAsTheFarthestLeaf()
    {
        // From (0,0) to all 16 routers: the XY tree has 15 links; the farthest leaf (3,3) is 6 hops: 6·5 + 4096/32 = 158.
        var all = Enumerable.Range(0, 16).Select(i => new MeshNode(i % 4, i / 4)).ToArray();
        Assert.That(RunOne(Mesh, new(0, 0), all, 4096, out var mesh), Is.EqualTo(158));
        Assert.That(mesh.ByteHops, Is.EqualTo(15 * 4096));
    }

    [Test]
    public void TwoFlowsOnOneLink_InterleavePacketByPacket_EachAtHalfBandwidth()
    {
        // (0,0)→(1,0) and (0,0)→(2,0), 4 packets each, share link (0,0)→(1,0), granted A B A B …:
        // A's last packet starts at 6·32 = 192 and is delivered at 192 + 32 + 5 = 229 (alone: 5 + 128 = 133);
        // B's last starts at 224 and is delivered two hops later at 224 + 32 + 2·5 = 266 (alone: 10 + 128 = 138).
        var sim = new Simulation();
        var mesh = new MeshNoc(sim, Mesh, new EnergyLedger());
        var a = sim.Process(mesh.Send(sim, new ComponentRef("GB", 0), ActivityLabel.None, new(0, 0), [new(1, 0)], 4096), "a");
        var b = sim.Process(mesh.Send(sim, new ComponentRef("GB", 0), ActivityLabel.None, new(0, 0), [new(2, 0)], 4096), "b");
        long aEnd = -1;
        a.AddCallback(_ => aEnd = sim.Now);
        sim.Run();
        Assert.That(aEnd, Is.EqualTo(229));
        Assert.That(sim.Now, Is.EqualTo(266));
    }

    [Test]
    public void Hotspot_ThreeNeighboursIntoOneEjectionPort_ShareItRoundRobin()
    {
        // Three 4-packet flows from (0,0), (2,0), (1,1) into (1,0), each one hop; the ejection port runs at the link
        // rate (32 B/cycle), so the 12 packets leave it back to back from cycle 5: 5 + 12·32 = 389 (alone: 133).
        var p = Mesh with { PortBytesPerCycle = 32 };
        var (cycles, _, _) = Run(p, (new(0, 0), [new(1, 0)], 4096), (new(2, 0), [new(1, 0)], 4096), (new(1, 1), [new(1, 0)], 4096));
        Assert.That(cycles, Is.EqualTo(389));
    }

    [Test]
    public void ScatterFromOneCorner_FarTilesShareTheFirstLink()
    {
        // Tiles from (0,0) to (1,0), (0,1) and (1,1) of a 2×2: (0,1) goes south alone (5 + 128 = 133); (1,0) and (1,1)
        // alternate on the first east link: (1,1)'s last packet starts there at 224 and lands two hops later at 266,
        // against 2·5 + 128 = 138 for the farthest path alone.
        var p = Mesh with { X = 2, Y = 2 };
        var (cycles, _, _) = Run(p, (new(0, 0), [new(1, 0)], 4096), (new(0, 0), [new(0, 1)], 4096), (new(0, 0), [new(1, 1)], 4096), (new(0, 0), [new(0, 0)], 4096));
        Assert.That(cycles, Is.EqualTo(266));
    }

    [Test]
    public void SelfDelivery_NeverEntersTheNetwork()
    {
        Assert.That(RunOne(Mesh, new(2, 2), [new(2, 2)], 4096, out var mesh), Is.Zero);
        Assert.That(mesh.ByteHops, Is.Zero);
    }

    [Test]
    public void RouterEnergy_IsChargedPerPacketPerLink()
    {
        // 2 hops of 2.5 KiB = packets of 1024, 1024, 512 bytes: each link prices each packet it carried.
        var sim = new Simulation();
        var ledger = new EnergyLedger();
        var mesh = new MeshNoc(sim, Mesh with { RouterEnergy = true }, ledger);
        sim.Process(mesh.Send(sim, new ComponentRef("GB", 0), ActivityLabel.None, new(0, 0), [new(1, 1)], 2560), "send");
        sim.Run();
        var perPath = 2 * OrionRouterEnergy.HopEnergy(256, 1, 1024 * 8) + OrionRouterEnergy.HopEnergy(256, 1, 512 * 8);
        Assert.That(ledger.Total, Is.EqualTo(2 * perPath).Within(1e-6));
    }

    [Test]
    public void WaitingForALink_IsTracedAsAStallOfTheRequester()
    {
        // Two one-packet flows on one link: the second's head waits 32 cycles for the link.
        var sim = new Simulation();
        var sink = new RecordingSink();
        sim.Trace = sink;
        var mesh = new MeshNoc(sim, Mesh, new EnergyLedger());
        sim.Process(mesh.Send(sim, new ComponentRef("GB", 0), ActivityLabel.None, new(0, 0), [new(1, 0)], 1024), "a");
        sim.Process(mesh.Send(sim, new ComponentRef("GB", 1), ActivityLabel.None, new(0, 0), [new(1, 0)], 1024), "b");
        sim.Run();
        var stall = sink.Records.Single(r => r.Activity == ActivityKind.Stall);
        Assert.That((stall.Component, stall.Instance, stall.Detail, stall.Start, stall.End), Is.EqualTo(("GB", 1, "link:GB0->GB1", 0L, 32L)));
        Assert.That(sink.Records.Count(r => r.Activity == ActivityKind.Transfer), Is.EqualTo(2));
        Assert.That(sim.Now, Is.EqualTo(32 + 32 + 5));
    }

    [Test]
    public void HeadOfLineBlocking_APacketBehindABlockedHeadWaits()
    {
        // L (at (1,0), 2 packets) holds link (1,0)→(2,0) during [0, 32). X, a 64-byte packet from (0,0) to (2,0), reaches
        // (1,0) at 5 and waits there for that link; Y, 1 KiB from (0,0) to (1,1), follows X on link (0,0)→(1,0)
        // ([2, 34)), reaches (1,0) at 7 and queues behind X in the same input buffer although its own link south is free.
        // At 32 the arbiter grants X (round robin after L's local slot): X streams 2 cycles, so Y becomes the head at 34,
        // takes the south link [34, 66) and lands at 66 + 5 = 71 (without the blocking: 7 + 32 + 5 = 44).
        // X lands at max(34, 7) + 5 = 39; L's second packet goes at 34 and lands at 34 + 32 + 5 = 71.
        var sim = new Simulation();
        var mesh = new MeshNoc(sim, Mesh, new EnergyLedger());
        var l = sim.Process(mesh.Send(sim, new ComponentRef("GB", 1), ActivityLabel.None, new(1, 0), [new(2, 0)], 2048), "l");
        var x = sim.Process(mesh.Send(sim, new ComponentRef("GB", 0), ActivityLabel.None, new(0, 0), [new(2, 0)], 64), "x");
        var y = sim.Process(mesh.Send(sim, new ComponentRef("GB", 0), ActivityLabel.None, new(0, 0), [new(1, 1)], 1024), "y");
        var ends = new Dictionary<string, long>();
        l.AddCallback(_ => ends["l"] = sim.Now);
        x.AddCallback(_ => ends["x"] = sim.Now);
        y.AddCallback(_ => ends["y"] = sim.Now);
        sim.Run();
        Assert.That(ends["x"], Is.EqualTo(39));
        Assert.That(ends["y"], Is.EqualTo(71));
        Assert.That(ends["l"], Is.EqualTo(71));
    }

    [Test]
    public void Turnaround_OneStream_LeavesTwoIdleCyclesBetweenPackets()
    {
        // 32 B flits at one per cycle, 4-flit packets; an input buffer waits 2 cycles after a tail before its next packet
        // asks (routing + VC allocation), an output 1 (VC allocation): 4 packets leave (0,0) at 0, 6, 12, 18 and the last
        // lands at 18 + 4 + 5 = 27 (without turnaround: 5 + 16 = 21).
        var p = Mesh with { ChannelWidthBits = 256, PacketBytes = 128, InputTurnaroundCycles = 2, OutputTurnaroundCycles = 1 };
        Assert.That(RunOne(p, new(0, 0), [new(1, 0)], 512, out _), Is.EqualTo(27));
        Assert.That(RunOne(p with { InputTurnaroundCycles = 0, OutputTurnaroundCycles = 0 }, new(0, 0), [new(1, 0)], 512, out _), Is.EqualTo(21));
    }

    [Test]
    public void Turnaround_TwoInputsIntoOneEjectionPort_AlternateEveryFiveCycles()
    {
        // Two such streams from (0,0) and (2,0) into (1,0), ejecting at one flit per cycle: the port alternates W, E, …
        // with one idle cycle after each 4-flit packet (each input is ready again 2 cycles after its tail, in time):
        // 8 packets from cycle 5, one per 5 cycles, the last ending at 5 + 7·5 + 4 = 44.
        var p = Mesh with { ChannelWidthBits = 256, PacketBytes = 128, PortBytesPerCycle = 32, InputTurnaroundCycles = 2, OutputTurnaroundCycles = 1 };
        var (cycles, _, _) = Run(p, (new(0, 0), [new(1, 0)], 512), (new(2, 0), [new(1, 0)], 512));
        Assert.That(cycles, Is.EqualTo(44));
    }

    [Test]
    public void LocalTrafficThroughRouter_IsEjectedThroughTheLocalPort_AndInjectedSaysWhenThePortIsFree()
    {
        // A 128-byte packet for its own router ejects at 32 B/cycle: delivered at 4. The source is told at cycle 0 (its
        // last packet granted) that its port takes the next packet at 4 + 2 (input turnaround), after the transfer ended.
        var p = Mesh with { ChannelWidthBits = 256, PacketBytes = 128, PortBytesPerCycle = 32, LocalTrafficThroughRouter = true, InputTurnaroundCycles = 2 };
        var sim = new Simulation();
        var mesh = new MeshNoc(sim, p, new EnergyLedger());
        var injected = sim.Event("injected");
        long toldAt = -1;
        injected.AddCallback(_ => toldAt = sim.Now);
        var done = sim.Process(mesh.Send(sim, new ComponentRef("GB", 0), ActivityLabel.None, new(1, 1), [new(1, 1)], 128, injected), "self");
        sim.Run();
        Assert.That(done.IsProcessed);
        Assert.That(sim.Now, Is.EqualTo(4));
        Assert.That((toldAt, (long)injected.Value!), Is.EqualTo((0L, 6L)));
        Assert.That(mesh.ByteHops, Is.Zero, "no link crossed");
    }
}
