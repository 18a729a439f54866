using Comet.Reports.Tracing;
using Comet.Sim;
using NUnit.Framework;

namespace Comet.Reports.Tests.Tracing;

public class CoalescingTraceSinkTests
{
    private sealed class ListSink : ITraceSink
    {
        public List<TraceRecord> Rows { get; } = new();

        public bool Disposed { get; private set; }

        public void Write(in TraceRecord record) => Rows.Add(record);

        public void Flush()
        {
        }

        public void Dispose() => Disposed = true;
    }

    private static List<TraceRecord> Coalesce(params TraceRecord[] rows)
    {
        var list = new ListSink();
        using (var sink = new CoalescingTraceSink(list))
        {
            foreach (var r in rows)
                sink.Write(r);
        }
        Assert.That(list.Disposed, Is.True, "disposing the sink disposes the inner one");
        return list.Rows;
    }

    [Test]
    public void BackToBackRepeats_MergeIntoOneRow_FirstTile_BytesSummed()
    {
        var rows = Coalesce(
            new(0, 4, "IB", 0, ActivityKind.Read, "leaf", "A", 0, 64, ""),
            new(4, 8, "IB", 0, ActivityKind.Read, "leaf", "A", 1, 64, ""),
            new(8, 12, "IB", 0, ActivityKind.Read, "leaf", "A", 2, 64, ""));
        Assert.That(rows, Is.EqualTo(new[] { new TraceRecord(0, 12, "IB", 0, ActivityKind.Read, "leaf", "A", 0, 192, "") }));
    }

    [Test]
    public void AGap_OrAnyDifferentField_StartsANewRow()
    {
        var rows = Coalesce(
            new(0, 4, "IB", 0, ActivityKind.Read, "leaf", "A", 0, 64, ""),
            new(5, 9, "IB", 0, ActivityKind.Read, "leaf", "A", 1, 64, ""),      // gap of one cycle
            new(9, 13, "IB", 1, ActivityKind.Read, "leaf", "A", 2, 64, ""),     // other instance
            new(9, 13, "IB", 0, ActivityKind.Write, "leaf", "A", 2, 64, ""),    // other activity
            new(13, 17, "IB", 0, ActivityKind.Read, "leaf", "B", 3, 64, ""),    // other tensor (A's row stays open)
            new(17, 20, "IB", 0, ActivityKind.Stall, "leaf", "A", 4, 0, "port:x"),
            new(20, 23, "IB", 0, ActivityKind.Stall, "leaf", "A", 5, 0, "port:y")); // other stall reason
        Assert.That(rows.Select(r => (r.Start, r.End, r.Instance, r.Activity, r.Tensor, r.Detail)), Is.EqualTo(new[]
        {
            (0L, 4L, 0, ActivityKind.Read, "A", ""),
            (5L, 9L, 0, ActivityKind.Read, "A", ""),
            (9L, 13L, 1, ActivityKind.Read, "A", ""),
            (9L, 13L, 0, ActivityKind.Write, "A", ""),
            (13L, 17L, 0, ActivityKind.Read, "B", ""),
            (17L, 20L, 0, ActivityKind.Stall, "A", "port:x"),
            (20L, 23L, 0, ActivityKind.Stall, "A", "port:y"),
        }));
        Assert.That(rows.Sum(r => r.End - r.Start), Is.EqualTo(4 + 4 + 4 + 4 + 4 + 3 + 3), "busy time is conserved");
    }

    [Test]
    public void InterleavedActivities_OfOneInstance_EachMerge_AndLeaveInEndOrder()
    {
        // An engine computing with stalls in between, and its operand port streaming alongside.
        var rows = Coalesce(
            new(0, 10, "GEMM", 0, ActivityKind.Compute, "mm", "", 0, 0, ""),
            new(0, 5, "GEMM", 0, ActivityKind.Write, "mm", "A", 0, 32, ""),
            new(5, 10, "GEMM", 0, ActivityKind.Write, "mm", "A", 1, 32, ""),
            new(10, 20, "GEMM", 0, ActivityKind.Compute, "mm", "", 1, 0, ""),
            new(20, 22, "GEMM", 0, ActivityKind.Stall, "mm", "A", 2, 0, "data:A"),
            new(22, 32, "GEMM", 0, ActivityKind.Compute, "mm", "", 2, 0, ""),
            new(32, 34, "GEMM", 0, ActivityKind.Stall, "mm", "A", 3, 0, "data:A"),
            new(34, 44, "GEMM", 0, ActivityKind.Compute, "mm", "", 3, 0, ""));
        Assert.That(rows.Select(r => (r.Start, r.End, r.Activity, r.Tile, r.Bytes)), Is.EqualTo(new[]
        {
            (0L, 10L, ActivityKind.Write, 0L, 64L),
            (0L, 20L, ActivityKind.Compute, 0L, 0L),
            (20L, 22L, ActivityKind.Stall, 2L, 0L),
            (22L, 32L, ActivityKind.Compute, 2L, 0L),
            (32L, 34L, ActivityKind.Stall, 3L, 0L),
            (34L, 44L, ActivityKind.Compute, 3L, 0L),
        }));
        Assert.That(rows.Select(r => r.End), Is.Ordered, "one instance's rows leave in end order");
    }

    [Test]
    public void EqualInput_GivesEqualOutput_AndTheCsvIsByteIdentical()
    {
        var input = new TraceRecord[]
        {
            new(0, 3, "L", 7, ActivityKind.Transfer, "n", "C", 0, 8, ""),
            new(0, 2, "L", 8, ActivityKind.Transfer, "n", "C", 0, 8, ""),
            new(3, 6, "L", 7, ActivityKind.Transfer, "n", "C", 1, 8, ""),
            new(2, 4, "L", 8, ActivityKind.Transfer, "n", "D", 1, 8, ""),
        };
        byte[] Csv()
        {
            using var ms = new MemoryStream();
            using (var sink = new CoalescingTraceSink(new CsvTraceSink(ms, leaveOpen: true)))
                foreach (var r in input)
                    sink.Write(r);
            return ms.ToArray();
        }
        var first = Csv();
        var text = System.Text.Encoding.UTF8.GetString(first);
        Assert.That(Csv(), Is.EqualTo(first));
        Assert.That(text.Split('\n', StringSplitOptions.RemoveEmptyEntries), Is.EqualTo(new[]
        {
            "start_cycle,end_cycle,component,instance,activity,operation,tensor,tile,bytes,stall_reason",
            "0,2,L,8,transfer,n,C,0,8,",
            "2,4,L,8,transfer,n,D,1,8,",
            "0,6,L,7,transfer,n,C,0,16,",
        }));
    }

    [Test]
    public void ManyDistinctActivities_OnOneInstance_KeepAtMostTheBoundOpen()
    {
        var list = new ListSink();
        var sink = new CoalescingTraceSink(list);
        const int n = 1000;
        for (var i = 0; i < n; i++)
            sink.Write(new TraceRecord(i, i + 1, "SE", 0, ActivityKind.Compute, "op" + i, "", i, 0, ""));
        Assert.That(list.Rows, Has.Count.EqualTo(n - CoalescingTraceSink.MaxOpenRowsPerInstance), "the oldest open rows were passed on");
        sink.Dispose();
        Assert.That(list.Rows.Select(r => r.Start), Is.EqualTo(Enumerable.Range(0, n).Select(i => (long)i)));
    }
}
