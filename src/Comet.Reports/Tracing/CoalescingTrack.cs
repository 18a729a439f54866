using Comet.Sim;

namespace Comet.Reports.Tracing;

/// <summary>The rows of one component instance that a <see cref="CoalescingTraceSink"/> still holds open: at most one per (activity, operation, tensor, detail).</summary>
internal sealed class CoalescingTrack
{
    private PendingRow[] _rows = new PendingRow[4];

    /// <summary>Number of open rows.</summary>
    public int Count { get; private set; }

    /// <summary>The open rows; only the first <see cref="Count"/> are meaningful.</summary>
    public PendingRow[] Rows => _rows;

    /// <summary>Index of the open row with the same activity, operation, tensor and detail as <paramref name="record"/>, or −1.</summary>
    public int Find(in TraceRecord record)
    {
        var rows = _rows;
        for (var i = 0; i < Count; i++)
        {
            ref readonly var r = ref rows[i].First;
            if (r.Activity == record.Activity
                && string.Equals(r.Operation, record.Operation, StringComparison.Ordinal)
                && string.Equals(r.Tensor, record.Tensor, StringComparison.Ordinal)
                && string.Equals(r.Detail, record.Detail, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Opens a row for <paramref name="record"/>.</summary>
    public void Add(in TraceRecord record, long sequence)
    {
        if (Count == _rows.Length)
        {
            Array.Resize(ref _rows, Count * 2);
        }

        _rows[Count++] = new PendingRow(record, sequence);
    }

    /// <summary>Closes the row at <paramref name="index"/>; the last row takes its place (rows are looked up by key and by end, never by position).</summary>
    public void RemoveAt(int index)
    {
        Count--;
        _rows[index] = _rows[Count];
        _rows[Count] = default;
    }

    /// <summary>Index of the open row that ends first (earliest opened among equal ends), or −1 when none is open.</summary>
    public int Earliest()
    {
        var rows = _rows;
        var best = -1;
        var bestEnd = long.MaxValue;
        var bestSequence = long.MaxValue;
        for (var i = 0; i < Count; i++)
        {
            ref readonly var row = ref rows[i];
            if (row.End < bestEnd || (row.End == bestEnd && row.Sequence < bestSequence))
            {
                best = i;
                bestEnd = row.End;
                bestSequence = row.Sequence;
            }
        }

        return best;
    }
}
