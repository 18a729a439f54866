using Comet.Sim;
using Comet.Workloads.Execution;
using Comet.Workloads.Inputs;
using NUnit.Framework;

namespace Comet.Workloads.Tests.Execution;

/// <summary>Prefetch of the next invocation's first tiles (issue 12 item 2): the fills start while the current invocation finishes, bounded by buffer space; they move the same bytes and never deliver a tile after it is read.</summary>
public class NextInvocationPrefetchTests
{
    private const long ATileBytes = 8 * 4096;

    private static readonly ExecutionOptions Prefetch = ExecutionOptions.Default with { Prefetch = PrefetchMode.NextInvocation };
    private static readonly ExecutionOptions NoPrefetch = ExecutionOptions.Default with { Prefetch = PrefetchMode.None };

    private static (SimulationResult Result, List<TraceRecord> Rows) Run(CometInputSet inputs, ExecutionOptions options)
    {
        var sink = new RowSink();
        var result = new DataflowExecutor(inputs, new Simulation { Trace = sink }, options).Run();
        return (result, sink.Rows);
    }

    // gemm_only shrunk to one buffer of each kind (every fan-out 1, N = 64) and one tile step per GBuffer invocation
    // (MA_gbuffer = MB_gbuffer = 1, M = MA_DRAM·M_gbuffer·M_TP = 4·2·4 = 32).
    private static CometInputSet OneTileInvocations()
    {
        var folder = CaseFiles.Folder("gemm_only") ?? throw new InconclusiveException("gemm_only is not on this machine");
        var problem = File.ReadAllText(Path.Combine(folder, "problem.yaml")).ReplaceLineEndings("\n");
        var constants = File.ReadAllText(Path.Combine(folder, "const.yaml")).ReplaceLineEndings("\n");
        Assert.That(problem, Does.Contain("    M: 256").And.Contain("    N: 1024"));
        problem = problem.Replace("    M: 256", "    M: 32").Replace("    N: 1024", "    N: 64");
        foreach (var key in new[] { "N_DRAM_X", "N_DRAM_Y", "N_gbuffer_X", "N_gbuffer_Y", "MA_gbuffer", "MB_gbuffer" })
        {
            var line = constants.Split('\n').Single(l => l.TrimStart().StartsWith(key + ":", StringComparison.Ordinal));
            constants = constants.Replace(line, $"  {key}: 1");
        }

        return CometInputLoader.Parse(
            File.ReadAllText(Path.Combine(folder, "arch.yaml")),
            problem,
            File.ReadAllText(Path.Combine(folder, "mapping.yaml")),
            constants);
    }

    [Test]
    public void OneTileInvocations_PrefetchHidesExactlyTheFirstTilesFill()
    {
        // Node 0 runs node 2 (GBuffer, one tile step) MA_DRAM = 4 times. Each invocation needs one A tile in the
        // IBuffer: M_gbuffer·M_TP × K_gbuffer·K_TP = 8 × 4096 B = 32 KiB. Its fill streams 1 KiB chunks through one
        // GBuffer read port (child_read_bw 32 B/cycle over 4 ports: 8 B/cycle) and the IBuffer's write port
        // (128 B/cycle): F = 32768 ÷ 8 + 1024 ÷ 128 = 4096 + 8 = 4104 cycles, alone on its path. Node 0 has all of A in
        // the GBuffer long before (131 072 B by cycle 5 136), B stays in the WBuffer across invocations (reuse), so
        // without prefetch every later invocation starts with F cycles of fill; with it, the tile moved while the
        // previous invocation computed: (4 − 1) · 4104 = 12 312 cycles fewer.
        const long fill = (ATileBytes / 8) + (1024 / 128);
        var inputs = OneTileInvocations();
        var (with, withRows) = Run(inputs, Prefetch);
        var (without, withoutRows) = Run(inputs, NoPrefetch);
        Assert.That(fill, Is.EqualTo(4104));
        Assert.That(without.SimulatedCycles - with.SimulatedCycles, Is.EqualTo(3 * fill));

        // The gap opens at each invocation's start: without prefetch the leaf's j-th read of A begins j·F later.
        long[] Reads(List<TraceRecord> rows) => [.. rows.Where(r => r.Component == "IBuffer" && r.Activity == ActivityKind.Read && r.Tensor == "A").Select(r => r.Start).Order()];
        var (early, late) = (Reads(withRows), Reads(withoutRows));
        Assert.That(early, Has.Length.EqualTo(4));
        for (var j = 0; j < 4; j++)
        {
            Assert.That(late[j] - early[j], Is.EqualTo(j * fill), $"invocation {j}");
        }

        Assert.That(with.Traffic, Is.EqualTo(without.Traffic));
        AssertNoTileReadBeforeItsFill(withRows, "IBuffer", 0, ATileBytes);
    }

    [TestCase(InstanceSync.Free)]
    [TestCase(InstanceSync.Lockstep)]
    public void ExBase_PrefetchMovesTheSameBytes_SoonerAndNeverAfterTheRead(InstanceSync instances)
    {
        // Prefetch changes when a first tile moves, never which: every level and tensor moves the same bytes, and every
        // IBuffer has all of a tile's 32 KiB of A (M_gbuffer·M_TP × K_gbuffer·K_TP = 8 × 4096) before a leaf reads it.
        var inputs = CaseFiles.Load("ex_base");
        var (with, rows) = Run(inputs, Prefetch with { Instances = instances });
        var (without, _) = Run(inputs, NoPrefetch with { Instances = instances });
        Assert.That(with.Traffic, Is.EqualTo(without.Traffic));
        Assert.That(with.Units, Is.EqualTo(without.Units));
        Assert.That(with.SimulatedCycles, Is.LessThan(without.SimulatedCycles));
        for (var ib = 0; ib < 16; ib++)
        {
            AssertNoTileReadBeforeItsFill(rows, "IBuffer", ib, ATileBytes);
        }
    }

    [Test]
    public void PrefetchNone_RunsNoPrefetch_AndReportsNone()
    {
        var (without, _) = Run(OneTileInvocations(), NoPrefetch);
        var (with, _) = Run(OneTileInvocations(), Prefetch);
        Assert.That(without.Activity!.PlannedPrefetches, Is.Zero);
        Assert.That(with.Activity!.PlannedPrefetches, Is.EqualTo(3), "one A tile for each of the last three invocations");
    }

    [Test]
    public void FetchedTile_IsGivenBackWhenARequestDoesNotFit_AndTakenOnlyFromItsParentTile()
    {
        var sim = new Simulation();
        var room = new Container(sim, 100, 100, "room");
        var tiles = new PrefetchedTiles(null!, enabled: true);
        var parent = new TileVersion(null!, 0, 1);

        // Issued and done: 60 B held. A request for 50 B does not fit in the 40 left, so the fetched tile gives its 60 back.
        var fetch = tiles.Plan(1, 0, 0, 0, parent);
        Assert.That(room.TryGet(60), Is.True);
        tiles.Issue(fetch, [room], 60, sim.Event().Succeed());
        sim.Run();
        tiles.MakeRoom(room, 40);
        Assert.That(room.Level, Is.EqualTo(40), "a request that fits evicts nothing");
        tiles.MakeRoom(room, 50);
        Assert.That(room.Level, Is.EqualTo(100));
        Assert.That(tiles.TryTake(1, 0, 0, 0, parent), Is.Null, "an evicted tile is not served");

        // A tile fetched from another parent tile is given back when the next invocation reads a different one.
        fetch = tiles.Plan(1, 0, 0, 0, parent);
        Assert.That(room.TryGet(60), Is.True);
        tiles.Issue(fetch, [room], 60, sim.Event().Succeed());
        sim.Run();
        Assert.That(tiles.TryTake(1, 0, 0, 0, new TileVersion(null!, 0, 2)), Is.Null);
        Assert.That(room.Level, Is.EqualTo(100));

        // A multicast group's tile is taken once by each of its two lanes; its space stays theirs (no eviction after).
        fetch = tiles.Plan(1, 0, 0, 0, parent, shares: 2);
        Assert.That(room.TryGet(60), Is.True);
        var done = sim.Event().Succeed();
        tiles.Issue(fetch, [room], 60, done);
        Assert.That(tiles.TryTake(1, 0, 0, 0, parent), Is.SameAs(done));
        tiles.MakeRoom(room, 50);
        Assert.That(room.Level, Is.EqualTo(40));
        Assert.That(tiles.TryTake(1, 0, 0, 0, parent), Is.SameAs(done));
        Assert.That(tiles.TryTake(1, 0, 0, 0, parent), Is.Null);
        Assert.That(tiles.Served, Is.EqualTo(1));
    }

    // Causality: by the start of its j-th read of the tensor, the buffer has been written at least (j + 1) tiles.
    private static void AssertNoTileReadBeforeItsFill(List<TraceRecord> rows, string component, int instance, long tileBytes)
    {
        var writes = rows.Where(r => r.Component == component && r.Instance == instance && r.Activity == ActivityKind.Write && r.Tensor == "A").OrderBy(r => r.End).ToList();
        var reads = rows.Where(r => r.Component == component && r.Instance == instance && r.Activity == ActivityKind.Read && r.Tensor == "A").OrderBy(r => r.Start).ToList();
        Assert.That(reads, Is.Not.Empty);
        Assert.That(reads.Sum(r => r.Bytes), Is.EqualTo(writes.Sum(r => r.Bytes)), $"{component}[{instance}] reads every byte written once");
        for (var j = 0; j < reads.Count; j++)
        {
            var written = writes.TakeWhile(w => w.End <= reads[j].Start).Sum(w => w.Bytes);
            Assert.That(written, Is.GreaterThanOrEqualTo((j + 1) * tileBytes), $"{component}[{instance}] read {j} at cycle {reads[j].Start}");
        }
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
