using Comet.Sim;

namespace Comet.Reports.Tracing;

/// <summary>A row a <see cref="CoalescingTraceSink"/> holds open: its first piece, the merged end and bytes so far, and when it was opened (the tie-break that keeps output deterministic).</summary>
/// <remarks>End and bytes are kept beside the first piece so that merging a piece updates two numbers instead of rewriting a record with four references.</remarks>
internal struct PendingRow
{
    /// <summary>The first piece: its start, tile and fields are the merged row's.</summary>
    public TraceRecord First;

    /// <summary>End of the last piece merged.</summary>
    public long End;

    /// <summary>Bytes of all pieces merged.</summary>
    public long Bytes;

    /// <summary>Order in which rows were opened.</summary>
    public long Sequence;

    /// <summary>Opens a row with <paramref name="record"/> as its first piece.</summary>
    public PendingRow(in TraceRecord record, long sequence)
    {
        First = record;
        End = record.End;
        Bytes = record.Bytes;
        Sequence = sequence;
    }

    /// <summary>The merged row: the first piece's start, tile and fields, the last piece's end, the bytes of all pieces.</summary>
    public readonly TraceRecord Merged => First with { End = End, Bytes = Bytes };
}
