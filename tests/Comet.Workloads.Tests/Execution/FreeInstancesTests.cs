using Comet.Sim;
using Comet.Workloads.Execution;
using NUnit.Framework;

namespace Comet.Workloads.Tests.Execution;

/// <summary>Fan-out instances that run free (issue 12 item 1): each starts its tile step when its own tiles are in, where lock-step waits for the slowest; the same tiles move either way.</summary>
public class FreeInstancesTests
{
    private static readonly ExecutionOptions Lockstep = ExecutionOptions.Default with { Instances = InstanceSync.Lockstep, Reuse = TileReuse.None, Prefetch = PrefetchMode.None };
    private static readonly ExecutionOptions Free = ExecutionOptions.Default with { Instances = InstanceSync.Free, Reuse = TileReuse.None, Prefetch = PrefetchMode.None };

    private static (SimulationResult Result, List<TraceRecord> Rows) Run(string name, ExecutionOptions options)
    {
        var sink = new RowSink();
        var result = new DataflowExecutor(CaseFiles.Load(name), new Simulation { Trace = sink }, options).Run();
        return (result, sink.Rows);
    }

    [Test]
    public void ExBase_EachGBufferStartsWhenItsOwnTilesAreIn_LockstepWaitsForTheLast()
    {
        // ex_base scatters B DRAM → GBuffers over the GBuffer mesh from router (0,0); the GBuffers further away get
        // their 1 MiB tile later (shared links). Free, GBuffer p waits at node 0's first iteration only for its own A
        // and B tiles (its data:A/data:B stall rows end when they are in); lock-step, node 2 starts on every GBuffer
        // when the last one has its tiles.
        var (free, freeRows) = Run("ex_base", Free);
        var (lockstep, _) = Run("ex_base", Lockstep);
        var node0 = free.Nodes.Single(n => n.Index == 0).Name;
        var ready = Enumerable.Range(0, 4).Select(p => freeRows
            .Where(r => r.Activity == ActivityKind.Stall && r.Component == "GBuffer" && r.Instance == p && r.Operation == node0 && r.Tile == 0 && r.Detail.StartsWith("data:", StringComparison.Ordinal))
            .Max(r => r.End)).ToArray();

        Assert.That(ready.Distinct().Count(), Is.EqualTo(4), "the four GBuffers get their tiles at different cycles");
        Assert.That(lockstep.Nodes.Single(n => n.Index == 2).FirstStart, Is.EqualTo(ready.Max()));
        Assert.That(free.Nodes.Single(n => n.Index == 2).FirstStart, Is.EqualTo(ready.Min()));
        Assert.That(ready.Min(), Is.LessThan(ready.Max()));

        // Idle time says the same: GBuffer p waited for operands at least until its first tiles were in.
        for (var p = 0; p < 4; p++)
        {
            var idle = free.Idle!.Single(i => i.Component == "GBuffer" && i.Instance == p);
            Assert.That(idle.Operands, Is.GreaterThanOrEqualTo(ready[p]));
        }
    }

    [Test]
    public void ExBase_FreeAndLockstepMoveTheSameBytes()
    {
        // Free instances change when tiles move, never which: every level and tensor moves the same bytes.
        var (free, _) = Run("ex_base", Free);
        var (lockstep, _) = Run("ex_base", Lockstep);
        Assert.That(free.Traffic, Is.EqualTo(lockstep.Traffic));
        Assert.That(free.Units, Is.EqualTo(lockstep.Units));
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
