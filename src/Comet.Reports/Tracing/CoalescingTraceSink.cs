using Comet.Sim;

namespace Comet.Reports.Tracing;

/// <summary>Merges back-to-back repeats of one activity into one row before passing records on: same component, instance, activity, operation, tensor and detail, the next starting where the previous ended; the merged row keeps the first tile and sums the bytes.</summary>
/// <remarks>
/// Busy, idle and stall intervals stay exact (merging only joins pieces that touch); only the per-tile split is lost.
/// Memory is bounded: per component instance one open row per (activity, operation, tensor, detail), at most
/// <see cref="MaxOpenRowsPerInstance"/>. Rows of one instance are passed on in non-decreasing end order when the input
/// is (records written as activities end), so a Chrome trace keeps its slices on the instance's main lane: closing a
/// row first closes every open row of the same instance that ends no later. Output depends only on the input
/// sequence, so identical inputs give identical output.
/// </remarks>
public sealed class CoalescingTraceSink : ITraceSink
{
    /// <summary>Open rows kept per component instance before the one ending first is passed on.</summary>
    public const int MaxOpenRowsPerInstance = 32;

    private const int MaxIndexedInstance = 1 << 16;
    private const int MaxComponentNames = 4096;

    private readonly ITraceSink _inner;
    private readonly Dictionary<string, List<CoalescingTrack?>> _byReference = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<string, List<CoalescingTrack?>> _byName = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Component, int Instance), CoalescingTrack> _unindexed = new();
    private readonly List<CoalescingTrack> _tracks = new();
    private readonly List<PendingRow> _closing = new();
    private long _sequence;
    private bool _disposed;

    /// <summary>Wraps <paramref name="inner"/>; disposing this sink passes on the open rows and disposes it.</summary>
    public CoalescingTraceSink(ITraceSink inner)
    {
        ArgumentNullException.ThrowIfNull(inner);
        _inner = inner;
    }

    /// <summary>Records received.</summary>
    public long RecordsIn { get; private set; }

    /// <summary>Rows passed on.</summary>
    public long RecordsOut { get; private set; }

    /// <inheritdoc />
    public void Write(in TraceRecord record)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        RecordsIn++;
        var track = TrackOf(record.Component, record.Instance);
        var i = track.Find(record);
        if (i >= 0)
        {
            ref var open = ref track.Rows[i];
            if (open.End == record.Start)
            {
                open.End = record.End;
                open.Bytes += record.Bytes;
                return;
            }

            CloseThrough(track, open.Sequence);
        }
        else if (track.Count >= MaxOpenRowsPerInstance)
        {
            CloseThrough(track, track.Rows[track.Earliest()].Sequence);
        }

        track.Add(record, _sequence++);
    }

    /// <summary>Passes on every open row (in end order), then flushes the inner sink.</summary>
    public void Flush()
    {
        if (_disposed)
        {
            return;
        }

        CloseAll();
        _inner.Flush();
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        CloseAll();
        _disposed = true;
        _inner.Dispose();
    }

    private CoalescingTrack TrackOf(string component, int instance)
    {
        if ((uint)instance >= MaxIndexedInstance)
        {
            if (!_unindexed.TryGetValue((component, instance), out var far))
            {
                far = new CoalescingTrack();
                _unindexed.Add((component, instance), far);
                _tracks.Add(far);
            }

            return far;
        }

        if (!_byReference.TryGetValue(component, out var byInstance))
        {
            if (!_byName.TryGetValue(component, out byInstance))
            {
                byInstance = new List<CoalescingTrack?>();
                _byName.Add(component, byInstance);
            }

            if (_byReference.Count >= MaxComponentNames)
            {
                _byReference.Clear(); // names built per record would otherwise grow the map without bound
            }

            _byReference.Add(component, byInstance);
        }

        while (byInstance.Count <= instance)
        {
            byInstance.Add(null);
        }

        var track = byInstance[instance];
        if (track is null)
        {
            track = new CoalescingTrack();
            byInstance[instance] = track;
            _tracks.Add(track);
        }

        return track;
    }

    /// <summary>Passes on the open row opened as <paramref name="sequence"/> and, first, every open row of the track that ends no later (in end order).</summary>
    private void CloseThrough(CoalescingTrack track, long sequence)
    {
        while (true)
        {
            var first = track.Earliest();
            var row = track.Rows[first];
            track.RemoveAt(first);
            Emit(row.Merged);
            if (row.Sequence == sequence)
            {
                return;
            }
        }
    }

    private void CloseAll()
    {
        _closing.Clear();
        foreach (var track in _tracks)
        {
            for (var i = 0; i < track.Count; i++)
            {
                _closing.Add(track.Rows[i]);
            }

            while (track.Count > 0)
            {
                track.RemoveAt(track.Count - 1);
            }
        }

        _closing.Sort(static (a, b) => a.End != b.End ? a.End.CompareTo(b.End) : a.Sequence.CompareTo(b.Sequence));
        foreach (var row in _closing)
        {
            Emit(row.Merged);
        }

        _closing.Clear();
    }

    private void Emit(in TraceRecord record)
    {
        RecordsOut++;
        _inner.Write(record);
    }
}
