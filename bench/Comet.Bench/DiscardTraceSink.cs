using Comet.Sim;

namespace Comet.Bench;

/// <summary>A trace sink that reads every record's bytes and keeps nothing, so a bench can hand records to a stage without formatting them.</summary>
internal sealed class DiscardTraceSink : ITraceSink
{
    /// <summary>Bytes of the records seen (read so the records are really loaded).</summary>
    public long Bytes { get; private set; }

    /// <inheritdoc />
    public void Write(in TraceRecord record) => Bytes += record.Bytes;

    /// <inheritdoc />
    public void Flush()
    {
    }

    /// <inheritdoc />
    public void Dispose()
    {
    }
}
