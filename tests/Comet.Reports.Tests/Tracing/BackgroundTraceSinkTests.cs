using Comet.Reports.Tracing;
using Comet.Sim;
using NUnit.Framework;

namespace Comet.Reports.Tests.Tracing;

public class BackgroundTraceSinkTests
{
    private sealed class ListSink : ITraceSink
    {
        public List<TraceRecord> Rows { get; } = new();

        public int Flushes { get; private set; }

        public bool Disposed { get; private set; }

        public bool FailOnWrite { get; init; }

        public void Write(in TraceRecord record)
        {
            if (FailOnWrite)
                throw new InvalidOperationException("disk full");
            Rows.Add(record);
        }

        public void Flush() => Flushes++;

        public void Dispose() => Disposed = true;
    }

    [Test]
    public void TheInnerSink_GetsEveryRecord_InOrder_AcrossChunks()
    {
        var inner = new ListSink();
        var n = (BackgroundTraceSink.ChunkRecords * 3) + 17;
        var sink = new BackgroundTraceSink(inner);
        for (var i = 0; i < n; i++)
            sink.Write(new TraceRecord(i, i + 1, "C", i % 7, ActivityKind.Read, "op", "T", i, i, ""));
        sink.Flush();
        Assert.That(inner.Rows, Has.Count.EqualTo(n), "Flush waits for the writer");
        Assert.That(inner.Flushes, Is.EqualTo(1));
        sink.Write(new TraceRecord(n, n + 1, "C", 0, ActivityKind.Write, "op", "T", n, n, ""));
        sink.Dispose();
        Assert.That(inner.Disposed, Is.True);
        Assert.That(inner.Rows.Select(r => r.Start), Is.EqualTo(Enumerable.Range(0, n + 1).Select(i => (long)i)));
    }

    [Test]
    public void AFailureOfTheInnerSink_IsRethrownOnTheSimulationsSide()
    {
        var sink = new BackgroundTraceSink(new ListSink { FailOnWrite = true });
        sink.Write(new TraceRecord(0, 1, "C", 0, ActivityKind.Read, "op", "T", 0, 0, ""));
        var e = Assert.Throws<IOException>(() => sink.Flush());
        Assert.That(e!.InnerException!.Message, Is.EqualTo("disk full"));
        Assert.Throws<IOException>(() => sink.Dispose());
    }
}
