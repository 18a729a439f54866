using Comet.Hardware.Components;
using Comet.Hardware.Energy;
using Comet.Sim;
using NUnit.Framework;

namespace Comet.Hardware.Tests.Components;

/// <summary>Each mechanism alone on an idle machine takes exactly COMET's per-component closed form (numbers derived by hand from reference-model.md).</summary>
public class ComponentClosedFormTests
{
    private static readonly MeshParameters GbMesh = new("GBuffer.noc", "GBuffer", 2, 2, HopLatencyCycles: 5, ChannelWidthBits: 32, QueuingDelay: 2, PortBytesPerCycle: 64, BroadcastSupport: true);

    private static long Finish(Simulation sim, IEnumerable<Event> body)
    {
        sim.Process(body, "test");
        sim.Run();
        return sim.Now;
    }

    [Test]
    public void DramToGlobalBufferTile_Broadcast_TakesMemoryPlusNetworkLatency()
    {
        // §5.1/§10 node 1, tensor A: S = 262144 B (8 bit), DRAM bw 1024 capped by the net port (64) → Tt = 4096;
        // GB parent_write 32 → Tc = 8192; Lnet (2x2, h 5, q 2, W 32) = 2·5 + 262144·2·8·2/32 = 262154.
        // L = max(4096, 8192) + 262154 = 270346.
        var sim = new Simulation();
        var ledger = new EnergyLedger();
        var dram = new Dram(sim, new DramParameters("DRAM", new DramChannelParameters(1024)), ledger);
        var gb = new BufferParameters("GBuffer", 2048 * 16384, 2048, 4, 32, 32, 32, 32, 32, 32);
        var buffers = Enumerable.Range(0, 4).Select(i => new SramBuffer(sim, gb, ledger, i)).ToArray();
        var mesh = new MeshNoc(sim, GbMesh, ledger);
        const long bytes = 262144;
        var uses = new List<PortUse> { dram.Uses(bytes, write: false).Single() with { BytesPerCycle = 64 } };
        uses.AddRange(buffers.Select(b => b.Use(BufferSide.ParentWrite, bytes, 32)));
        var leg = new NetworkLeg(mesh, new MeshNode(0, 0), [new(0, 0), new(1, 0), new(0, 1), new(1, 1)], Multicast: true);

        var end = Finish(sim, DataTransfer.Run(sim, buffers[0].Ref, ActivityLabel.None, uses, leg, bytes));

        Assert.That(end, Is.EqualTo(270346));
        Assert.That(dram.BytesRead, Is.EqualTo(bytes), "a multicast reads the DRAM once");
    }

    [Test]
    public void MacArrayPrimitive_TakesStartupPlusAccumulationPlusWaves()
    {
        // §6 GEMM: 16 + 8 (specd & rmw, 1024/256 = 4 → +8) + (4·64·1024 / 512)·2 = 1048.
        var sim = new Simulation();
        var engine = new MacArray(sim, new MacArrayParameters("macengine", 512, 2, 16, 1), new EnergyLedger(), 0);
        var primitive = new GemmPrimitive(4 * 64 * 1024, 3, 1024, 1024, 64, InPlaceAccumulationFactor: 4);

        var end = Finish(sim, engine.Compute(sim, ActivityLabel.None, primitive));

        Assert.That(end, Is.EqualTo(1048));
    }

    [Test]
    public void SystolicPrimitive_TakesFoldsTimesFillStreamDrain()
    {
        // §6 SystolicArray 32x32, 8x8 arrays, TP M8 N4 K32, reduction M = 8: folds ⌈32/256⌉·⌈4/256⌉ = 1,
        // per fold 2·32 + 32 + 8 − 2 = 102; three primitives back to back = 306.
        var sim = new Simulation();
        var engine = new SystolicArray(sim, new SystolicArrayParameters("GEMMEngine", 32, 32, 8, 8), new EnergyLedger(), 0);
        var primitive = new GemmPrimitive(8 * 4 * 32, 3, StreamLength: 8, RowExtent: 32, ColumnExtent: 4);

        var end = Finish(sim, engine.Compute(sim, ActivityLabel.None, primitive, count: 3));

        Assert.That(engine.PrimitiveCycles(primitive), Is.EqualTo(102));
        Assert.That(end, Is.EqualTo(306));
    }

    [TestCase(SystolicDataflow.WeightStationary, 1760)] // 16 folds × (2·16 + 16 + 64 − 2 = 110); SCALE-Sim v3 ws: 1759 + 1
    [TestCase(SystolicDataflow.InputStationary, 1760)]  // same closed form; SCALE-Sim v3 is: 1759 + 1
    [TestCase(SystolicDataflow.OutputStationary, 1504)] // 16 folds × (16 + 16 + 64 − 2 = 94); SCALE-Sim v3 os: 1503 + 1
    public void SystolicPrimitive_64Cubed_On16x16_TakesItsDataflowsFoldCycles(SystolicDataflow dataflow, long expected)
    {
        // GEMM 64×64×64 on one 16×16 array: 64 folded over 16 rows and 64 over 16 columns → 4 · 4 = 16 folds, T = 64.
        var sim = new Simulation();
        var engine = new SystolicArray(sim, new SystolicArrayParameters("GEMMEngine", 16, 16), new EnergyLedger(), 0);
        var primitive = new GemmPrimitive(64 * 64 * 64, 3, StreamLength: 64, RowExtent: 64, ColumnExtent: 64, Dataflow: dataflow);

        var end = Finish(sim, engine.Compute(sim, ActivityLabel.None, primitive));

        Assert.That(engine.Folds(primitive), Is.EqualTo(16));
        Assert.That(end, Is.EqualTo(expected));
    }

    [Test]
    public void SystolicPrimitive_OutputStationary_OnARectangularArray_FoldsRowsAndColumnsSeparately()
    {
        // 32-row × 64-column array, 100 outputs down the rows (⌈100/32⌉ = 4) and 50 across the columns (⌈50/64⌉ = 1),
        // reduction T = 70 streamed: 4 × (32 + 64 + 70 − 2 = 164) = 656, as SCALE-Sim v3 os on M=100 N=50 K=70.
        var sim = new Simulation();
        var engine = new SystolicArray(sim, new SystolicArrayParameters("GEMMEngine", 32, 64), new EnergyLedger(), 0);
        var primitive = new GemmPrimitive(100 * 50 * 70, 3, StreamLength: 70, RowExtent: 100, ColumnExtent: 50, Dataflow: SystolicDataflow.OutputStationary);

        Assert.That(Finish(sim, engine.Compute(sim, ActivityLabel.None, primitive)), Is.EqualTo(656));
    }

    [TestCase(SimdOperation.Softmax, 8, 8, 1, 1)]      // §10 node 9: TP 1×8, width 8 → 1
    [TestCase(SimdOperation.RowMax, 16, 1024, 256, 4)] // ⌈log2 16⌉ · ⌈1024 / (16·256)⌉ = 4
    [TestCase(SimdOperation.Exp, 8, 100, 1, 39)]       // 3 · ⌈100/8⌉ = 39
    public void SimdOperation_TakesLatencyTimesPasses(SimdOperation op, long lanes, long elements, long reduction, long expected)
    {
        var sim = new Simulation();
        var unit = new SimdUnit(sim, new SimdParameters("simd", lanes), new EnergyLedger(), 0);

        var end = Finish(sim, unit.Execute(sim, ActivityLabel.None, op, elements, reduction));

        Assert.That(end, Is.EqualTo(expected));
    }

    [Test]
    public void TileMove_TakesTheSlowerPortNotTheSum()
    {
        // §10 node 5, tensor B: 65536 B from the WBuffer (child_read 128) into the engine port (net bw 128) → 512.
        var sim = new Simulation();
        var ledger = new EnergyLedger();
        var wb = new SramBuffer(sim, new BufferParameters("WBuffer", 128 * 4096, 128, 1, 0, 128, 128, 0), ledger, 0);
        var enginePort = new PortPool(sim, new ComponentRef("macengine", 0), "in:WBuffer", 1, 128);
        var uses = new[] { wb.Use(BufferSide.ChildRead, 65536), new PortUse(enginePort, 65536, 0, ActivityKind.Write, null) };

        var end = Finish(sim, DataTransfer.Run(sim, enginePort.Owner, ActivityLabel.None, uses, null));

        Assert.That(end, Is.EqualTo(512));
        Assert.That(wb.Bytes(BufferSide.ChildRead), Is.EqualTo(65536));
    }

    [Test]
    public void DramChannels_InterleavedRequest_IsServedInParallel()
    {
        // 1024 B over two channels of 64 B/cycle, interleaved every 256 B: 512 B per channel → 8 cycles, not 16.
        var sim = new Simulation();
        var dram = new Dram(sim, new DramParameters("DRAM", new DramChannelParameters(64), Channels: 2, InterleaveBytes: 256), new EnergyLedger());
        var uses = dram.Uses(1024, write: false).ToList();
        Assert.That(uses.Select(u => u.Bytes), Is.EqualTo(new long[] { 512, 512 }));

        var end = Finish(sim, DataTransfer.Run(sim, dram.Ref, ActivityLabel.None, uses, null));

        Assert.That(end, Is.EqualTo(8));
        Assert.That(dram.BytesRead, Is.EqualTo(1024));
    }

    [Test]
    public void DramChannel_AccessLatency_IsAddedToEveryRequest_AndRequestsQueueFifo()
    {
        // Two 640 B reads on one 64 B/cycle channel with a 20-cycle access latency: 30 each, the second queues → 60.
        var sim = new Simulation();
        var sink = new RecordingSink();
        sim.Trace = sink;
        var dram = new Dram(sim, new DramParameters("DRAM", new DramChannelParameters(64, 20)), new EnergyLedger());
        sim.Process(dram.Access(sim, new ComponentRef("GB", 0), 640, false, ActivityLabel.None), "a");
        sim.Process(dram.Access(sim, new ComponentRef("GB", 1), 640, false, ActivityLabel.None), "b");
        sim.Run();
        Assert.That(sim.Now, Is.EqualTo(60));
        Assert.That(sink.Records.Single(r => r.Activity == ActivityKind.Stall).Detail, Is.EqualTo("port:DRAM[0].channel"));
    }

    [Test]
    public void BufferSpace_SecondTileWaitsForTheFirstToBeConsumed()
    {
        // A 1 KiB buffer holding a 768 B tile: the next 768 B tile gets space only when the first is released at 100.
        var sim = new Simulation();
        var buffer = new SramBuffer(sim, new BufferParameters("IB", 1024, 128, 1, 0, 128, 128, 0), new EnergyLedger(), 0);
        long secondGranted = -1;
        sim.Process(Holder(), "first");
        sim.Process(Second(), "second");
        sim.Run();
        Assert.That(secondGranted, Is.EqualTo(100));

        IEnumerable<Event> Holder()
        {
            yield return buffer.Space.Get(768);
            yield return sim.Timeout(100);
            buffer.Space.Put(768);
        }

        IEnumerable<Event> Second()
        {
            yield return sim.Timeout(1);
            yield return buffer.Space.Get(768);
            secondGranted = sim.Now;
        }
    }
}
