using System.Collections.Concurrent;
using Comet.Sim;

namespace Comet.Reports.Tracing;

/// <summary>Hands records to another sink on a writer thread, in chunks through a bounded queue, so formatting and writing overlap the simulation; the inner sink sees exactly the same records in the same order.</summary>
/// <remarks>
/// Memory is bounded: at most <see cref="MaxQueuedChunks"/> chunks of <see cref="ChunkRecords"/> records wait; the
/// simulation blocks when the writer falls that far behind. An exception of the inner sink is rethrown by the next
/// <see cref="Write"/>, <see cref="Flush"/> or <see cref="Dispose"/>.
/// </remarks>
public sealed class BackgroundTraceSink : ITraceSink
{
    /// <summary>Records per chunk handed to the writer thread.</summary>
    public const int ChunkRecords = 4096;

    /// <summary>Chunks that may wait for the writer before the simulation blocks.</summary>
    public const int MaxQueuedChunks = 16;

    private readonly ITraceSink _inner;
    private readonly BlockingCollection<(TraceChunk Records, ManualResetEventSlim? Done)> _queue = new(MaxQueuedChunks);
    private readonly ConcurrentBag<TraceChunk> _spare = new();
    private readonly Thread _writer;
    private TraceChunk _chunk = new(ChunkRecords);
    private volatile Exception? _failure;
    private bool _disposed;

    /// <summary>Starts the writer thread for <paramref name="inner"/>; disposing this sink drains the queue and disposes it.</summary>
    public BackgroundTraceSink(ITraceSink inner)
    {
        ArgumentNullException.ThrowIfNull(inner);
        _inner = inner;
        _writer = new Thread(Drain) { IsBackground = true, Name = "trace writer" };
        _writer.Start();
    }

    /// <inheritdoc />
    public void Write(in TraceRecord record)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        _chunk.Add(record);
        if (_chunk.IsFull)
        {
            Hand(null);
        }
    }

    /// <summary>Waits until the writer has passed on every record written so far, then flushes the inner sink.</summary>
    public void Flush()
    {
        if (_disposed)
        {
            return;
        }

        using var done = new ManualResetEventSlim();
        Hand(done);
        done.Wait();
        ThrowIfFailed();
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        if (_failure is null)
        {
            Hand(null);
        }

        _queue.CompleteAdding();
        _writer.Join();
        _queue.Dispose();
        _inner.Dispose();
        ThrowIfFailed();
    }

    private void Hand(ManualResetEventSlim? done)
    {
        ThrowIfFailed();
        _queue.Add((_chunk, done));
        _chunk = _spare.TryTake(out var spare) ? spare : new TraceChunk(ChunkRecords);
    }

    private void Drain()
    {
        foreach (var (records, done) in _queue.GetConsumingEnumerable())
        {
            try
            {
                if (_failure is null)
                {
                    records.WriteTo(_inner);

                    if (done is not null)
                    {
                        _inner.Flush();
                    }
                }
            }
            catch (Exception e)
            {
                _failure = e;
            }
            finally
            {
                records.Clear();
                _spare.Add(records);
                done?.Set();
            }
        }
    }

    private void ThrowIfFailed()
    {
        if (_failure is { } e)
        {
            throw new IOException($"writing the trace failed: {e.Message}", e);
        }
    }
}
