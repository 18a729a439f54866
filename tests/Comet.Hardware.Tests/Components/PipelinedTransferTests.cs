using Comet.Hardware.Components;
using Comet.Hardware.Energy;
using Comet.Hardware.Micro;
using Comet.Sim;
using NUnit.Framework;

namespace Comet.Hardware.Tests.Components;

public class PipelinedTransferTests
{
    private const long Bytes = TransferMicroCases.TransferBytes;

    [Test]
    public void Drain_WritesTheDramOnlyAfterEachChunkHasCrossedTheMesh()
    {
        // GBuffer at (2,1) reads 4 cycles a chunk, 3 hops of 5, link 8, DRAM writes 4 a chunk: the first chunk is
        // read by 4, on the link until 12 and delivered at 4 + 15 + 8 = 27, when the DRAM starts writing it.
        var (sim, dram, sink) = Drain(TransferMode.Pipelined);
        var writes = sink.Records.Where(r => r.Component == "DRAM" && r.Activity == ActivityKind.Write).ToList();
        Assert.That(writes[0].Start, Is.EqualTo(27));
        Assert.That(sim.Now, Is.EqualTo(15 + 4 + 8 + 4 + (63 * 8)));
        Assert.That(writes.Sum(r => r.Bytes), Is.EqualTo(Bytes));
        Assert.That(dram.BytesWritten, Is.EqualTo(Bytes));
        Assert.That(dram.Channels[0].BusyCycles, Is.EqualTo(Bytes / 256));
    }

    [Test]
    public void SerialDrain_WritesTheDramBeforeTheDataCrossedTheMesh()
    {
        // The serial move holds both ports for 256 cycles from cycle 0, then crosses the mesh: 256 + 15 + 512.
        var (sim, _, sink) = Drain(TransferMode.Serial);
        Assert.That(sink.Records.First(r => r.Component == "DRAM").Start, Is.EqualTo(0));
        Assert.That(sim.Now, Is.EqualTo(256 + 15 + 512));
    }

    [Test]
    public void FastSource_IsHeldOnlyTwoChunksAheadOfTheSlowDestination()
    {
        // GB reads 16 a chunk, IB writes 32: the IB starts chunk k at 16 + 32k; the GB reads chunk j once the IB has
        // started chunk j − 2, so its last read (j = 63) runs from 16 + 32·61 = 1968 to 1984 — not 1024, as a serial
        // move that releases the fast port early would.
        var sim = new Simulation();
        var sink = new RecordingSink();
        sim.Trace = sink;
        var ledger = new EnergyLedger();
        var gb = new SramBuffer(sim, new BufferParameters("GB", 1 << 20, 1, 1, 64, 64, 64, 64), ledger, 0);
        var ib = new SramBuffer(sim, new BufferParameters("IB", 1 << 20, 1, 1, 32, 32, 32, 32), ledger, 0);
        PortUse[] uses = [gb.ServeChild(Bytes, read: true, 0)[0], ib.ServeParent(gb.Ref, Bytes, drain: false, 0)[0]];
        sim.Process(PipelinedTransfer.Run(sim, ib.Ref, ActivityLabel.None, uses, null, TransferMicroCases.Staging, Bytes), "move");
        sim.Run();
        var reads = sink.Records.Where(r => r.Component == "GB").ToList();
        Assert.That(reads.Max(r => r.End), Is.EqualTo(1984));
        Assert.That(reads.Sum(r => r.End - r.Start), Is.EqualTo(Bytes / 64));
        Assert.That(sim.Now, Is.EqualTo(2064));
        Assert.That(gb.Pool(BufferSide.ChildRead).BusyCycles, Is.EqualTo(1024));
    }

    [Test]
    public void DeeperStaging_LetsTheFastSourceRunFurtherAhead()
    {
        // Staging 8: the GB reads chunk j once the IB started chunk j − 8: the last read ends at 16 + 32·55 + 16.
        var sim = new Simulation();
        var sink = new RecordingSink();
        sim.Trace = sink;
        var ledger = new EnergyLedger();
        var gb = new SramBuffer(sim, new BufferParameters("GB", 1 << 20, 1, 1, 64, 64, 64, 64), ledger, 0);
        var ib = new SramBuffer(sim, new BufferParameters("IB", 1 << 20, 1, 1, 32, 32, 32, 32), ledger, 0);
        PortUse[] uses = [gb.ServeChild(Bytes, read: true, 0)[0], ib.ServeParent(gb.Ref, Bytes, drain: false, 0)[0]];
        sim.Process(PipelinedTransfer.Run(sim, ib.Ref, ActivityLabel.None, uses, null, new TransferStaging(1024, 8), Bytes), "move");
        sim.Run();
        Assert.That(sink.Records.Where(r => r.Component == "GB").Max(r => r.End), Is.EqualTo(16 + (32 * 55) + 16));
        Assert.That(sim.Now, Is.EqualTo(2064));
    }

    private static (Simulation Sim, Dram Dram, RecordingSink Sink) Drain(TransferMode mode)
    {
        var sim = new Simulation();
        var sink = new RecordingSink();
        sim.Trace = sink;
        var ledger = new EnergyLedger();
        var dram = new Dram(sim, new DramParameters("DRAM", new DramChannelParameters(256)), ledger);
        var gb = new SramBuffer(sim, new BufferParameters("GB", 1 << 20, 1, 1, 256, 256, 256, 256), ledger, 9);
        var mesh = new MeshNoc(sim, NetworkMicroCases.Mesh, ledger);
        PortUse[] uses = [gb.ServeParent(dram.Ref, Bytes, drain: true, 0)[0], dram.ServeChild(Bytes, read: false, 0)[0]];
        var leg = new NetworkLeg(mesh, new MeshNode(2, 1), [new MeshNode(0, 0)], false);
        sim.Process(mode == TransferMode.Pipelined
            ? PipelinedTransfer.Run(sim, gb.Ref, ActivityLabel.None, uses, leg, TransferMicroCases.Staging, Bytes)
            : DataTransfer.Run(sim, gb.Ref, ActivityLabel.None, uses, leg, Bytes), "drain");
        sim.Run();
        return (sim, dram, sink);
    }
}
