using Comet.Hardware.Components;
using Comet.Sim;
using Comet.Workloads.Execution;
using Comet.Workloads.Inputs;
using NUnit.Framework;

namespace Comet.Workloads.Tests.Execution;

/// <summary>The DRAM organisation keys as the simulator sees them: today's single channel by default, more channels and an access latency when the spec asks.</summary>
public class DramChannelsTests
{
    private const string DramType = "  - name: DRAM\n    class: DRAM\n    attributes:\n";

    private static (SimulationResult Result, List<TraceRecord> Rows) Run(string dramKeys, long? dramBandwidth = null, TransferMode transfers = TransferMode.Pipelined)
    {
        var folder = CaseFiles.Folder("gemm_only");
        if (folder is null)
        {
            Assert.Inconclusive("case gemm_only is not available on this machine");
        }

        string Read(string name) => File.ReadAllText(Path.Combine(folder!, name));
        var arch = Read("arch.yaml");
        Assert.That(arch, Does.Contain(DramType).And.Contain("      bw: 1024 \n"));
        arch = arch.Replace(DramType, DramType + dramKeys);
        if (dramBandwidth is { } bw)
        {
            arch = arch.Replace("      bw: 1024 \n", $"      bw: {bw}\n");
        }

        var inputs = CometInputLoader.Parse(arch, Read("problem.yaml"), Read("mapping.yaml"), Read("const.yaml"));
        var sink = new RowSink();
        // Lock-step instances and no cross-invocation reuse, as the figures below were derived (free instances hide the DRAM latency behind skew; reuse keeps B in the WBuffers).
        var result = new DataflowExecutor(inputs, new Simulation { Trace = sink }, ExecutionOptions.Default with { Transfers = transfers, Instances = InstanceSync.Lockstep, Reuse = TileReuse.None, Prefetch = PrefetchMode.None }).Run();
        return (result, sink.Rows);
    }

    [Test]
    public void DefaultKeysWrittenOut_ReproduceTheUnmarkedSpecToTheCycle()
    {
        // gemm_only simulates in 2 136 543 cycles with pipelined transfers on the default cut-through mesh, its 4-port
        // GBuffers attached at every router of their 2×2 meshes (3 065 227 serial, 3 720 898 serial store-and-forward,
        // docs/simulator.md); spelling out the defaults changes nothing.
        var (plain, _) = Run("");
        var (spelled, _) = Run("      dram_channels: 1\n      dram_interleave_bytes: 256\n      dram_access_latency: 0\n");
        Assert.That(plain.SimulatedCycles, Is.EqualTo(2_136_543));
        Assert.That(Run("", transfers: TransferMode.Serial).Result.SimulatedCycles, Is.EqualTo(3_065_227));
        Assert.That(spelled.SimulatedCycles, Is.EqualTo(plain.SimulatedCycles));
        Assert.That(spelled.Units, Is.EqualTo(plain.Units));
        Assert.That(spelled.TotalEnergy, Is.EqualTo(plain.TotalEnergy));
    }

    [Test]
    public void TwoChannels_MoveTheSameBytesFaster_WhenTheDramIsTheBottleneck()
    {
        // At 1 B/cycle the DRAM is the bottleneck: its reads (A 256×4096 B, B 4096×1024 B) and writes (C 256×1024 B,
        // N split over the four GBuffers) hold a channel for 5 505 024 cycles, more than the whole run at 1024 B/cycle
        // (3 720 898). Every tile is a multiple of 2 × 256 B, so two channels split each one evenly: the same
        // channel-cycles in half the time, which can shorten the run by at most that half.
        var (one, oneRows) = Run("", dramBandwidth: 1);
        var (two, twoRows) = Run("      dram_channels: 2\n", dramBandwidth: 1);
        const long DramBytes = (256L * 4096) + (4096L * 1024) + (256L * 1024);
        Assert.That(one.Units["DRAM/read"] + one.Units["DRAM/write"], Is.EqualTo(DramBytes));
        Assert.That(two.Units["DRAM/read"] + two.Units["DRAM/write"], Is.EqualTo(DramBytes));
        Assert.That(one.Levels.Single(l => l.Level == "DRAM").MaxPortBusyCycles, Is.EqualTo(DramBytes));
        Assert.That(two.Levels.Single(l => l.Level == "DRAM").MaxPortBusyCycles, Is.EqualTo(DramBytes));
        Assert.That(twoRows.Count(r => r.Component == "DRAM"), Is.EqualTo(2 * oneRows.Count(r => r.Component == "DRAM")), "every request splits over both channels");
        Assert.That(one.SimulatedCycles, Is.GreaterThanOrEqualTo(DramBytes));
        Assert.That(two.SimulatedCycles, Is.GreaterThanOrEqualTo(DramBytes / 2));
        Assert.That(two.SimulatedCycles, Is.LessThan(one.SimulatedCycles));
        Assert.That(one.SimulatedCycles - two.SimulatedCycles, Is.LessThanOrEqualTo(DramBytes / 2));
    }

    [Test]
    public void AccessLatency_AddsItsCyclesToEveryChannelHold()
    {
        // Every DRAM channel hold is one trace row (the sink sees raw rows, nothing merged). gemm_only makes 24: per
        // DRAM M-iteration (MA_DRAM = 4) one A multicast and four C drains (one per GBuffer), and B's four scatter
        // tiles once: 4 + 16 + 4. Serial transfers hold a channel once per tile, so the rows are the holds.
        var (plain, plainRows) = Run("", transfers: TransferMode.Serial);
        var (slow, _) = Run("      dram_access_latency: 40\n", transfers: TransferMode.Serial);
        var holds = plainRows.Count(r => r.Component == "DRAM" && r.Activity is ActivityKind.Read or ActivityKind.Write);
        Assert.That(holds, Is.EqualTo(24));
        var busy = plain.Levels.Single(l => l.Level == "DRAM").MaxPortBusyCycles;
        Assert.That(slow.Levels.Single(l => l.Level == "DRAM").MaxPortBusyCycles, Is.EqualTo(busy + (40L * holds)));
        Assert.That(slow.SimulatedCycles, Is.GreaterThan(plain.SimulatedCycles));
    }

    [Test]
    public void AccessLatency_IsPaidOncePerPipelinedTransfer()
    {
        // A pipelined transfer streams its chunks back to back, so a channel pays the latency on its first chunk only:
        // the same 24 transfers add 40 cycles each, however many chunks they are cut into.
        var (plain, plainRows) = Run("");
        var (slow, _) = Run("      dram_access_latency: 40\n");
        Assert.That(plainRows.Count(r => r.Component == "DRAM" && r.Activity is ActivityKind.Read or ActivityKind.Write), Is.GreaterThan(24));
        var busy = plain.Levels.Single(l => l.Level == "DRAM").MaxPortBusyCycles;
        Assert.That(slow.Levels.Single(l => l.Level == "DRAM").MaxPortBusyCycles, Is.EqualTo(busy + (40L * 24)));
    }

    private sealed class RowSink : ITraceSink
    {
        public List<TraceRecord> Rows { get; } = [];

        public void Write(in TraceRecord record) => Rows.Add(record);

        public void Flush()
        {
        }

        public void Dispose()
        {
        }
    }
}
