namespace Comet.Sim;

/// <summary>A row a <see cref="CoalescingTraceSink"/> holds open: the merged record so far and when it was opened (the tie-break that keeps output deterministic).</summary>
internal struct PendingRow
{
    /// <summary>The merged record: the first piece's start, tile and fields, the last piece's end, the bytes of all pieces.</summary>
    public TraceRecord Record;

    /// <summary>Order in which rows were opened.</summary>
    public long Sequence;

    /// <summary>Opens a row with <paramref name="record"/> as its first piece.</summary>
    public PendingRow(in TraceRecord record, long sequence)
    {
        Record = record;
        Sequence = sequence;
    }
}
