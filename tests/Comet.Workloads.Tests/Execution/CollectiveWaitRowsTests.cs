using Comet.Sim;
using Comet.Workloads.Execution;
using NUnit.Framework;

namespace Comet.Workloads.Tests.Execution;

/// <summary>Waits for a collective are counted once and spelled once: the trace's <c>collective:</c> stall rows of each instance add up to its idle time for collectives.</summary>
public class CollectiveWaitRowsTests
{
    [TestCase("im_edge_M256N256K128_0")]
    [TestCase("compound/gemm-softmax-edge-fused")]
    public void CollectiveStallRows_AddUpToEachInstancesCollectiveIdleTime(string name)
    {
        var sink = new RowSink();
        var result = new DataflowExecutor(CaseFiles.Load(name), new Simulation { Trace = sink }, ExecutionOptions.Default).Run();
        var idle = result.Idle!.Where(i => i.Collective > 0).ToList();
        Assert.That(idle, Is.Not.Empty, "the case's lanes wait for their peers before the all-reduces");

        var rows = sink.Rows.Where(r => r.Activity == ActivityKind.Stall).ToList();
        foreach (var i in idle)
        {
            var traced = rows.Where(r => r.Component == i.Component && r.Instance == i.Instance && r.Detail.StartsWith("collective:", StringComparison.Ordinal)).Sum(r => r.End - r.Start);
            Assert.That(traced, Is.EqualTo(i.Collective), $"{i.Component}[{i.Instance}]");
        }

        // A lane that waits for its peers to reach a collective says so, not "barrier:" (which the timeline paints as any stall).
        Assert.That(rows.Where(r => r.Detail.StartsWith("barrier:CollectiveOpNode", StringComparison.Ordinal)), Is.Empty);
    }

    [TestCase("im_edge_M256N256K128_0")]
    [TestCase("compound/gemm-softmax-edge-fused")]
    public void CollectiveAndBarrierReasons_AreOneStringInstanceEach(string name)
    {
        // The trace writers look strings up by reference first: a reason spelled anew per wait would miss every time.
        var sink = new RowSink();
        new DataflowExecutor(CaseFiles.Load(name), new Simulation { Trace = sink }, ExecutionOptions.Default).Run();
        var reasons = sink.Rows
            .Where(r => r.Activity == ActivityKind.Stall && (r.Detail.StartsWith("collective:", StringComparison.Ordinal) || r.Detail.StartsWith("barrier:", StringComparison.Ordinal)))
            .GroupBy(r => r.Detail, StringComparer.Ordinal)
            .ToList();
        Assert.That(reasons.Count(g => g.Key.StartsWith("collective:", StringComparison.Ordinal) && g.Count() > 1), Is.GreaterThan(0), "the case has repeated collective waits");
        foreach (var g in reasons)
        {
            Assert.That(g.Select(r => r.Detail).Distinct(ReferenceEqualityComparer.Instance).Count(), Is.EqualTo(1), g.Key);
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
