using Comet.Sim;

namespace Comet.Reports.Tracing;

/// <summary>Fans every record out to several sinks, in the order given.</summary>
public sealed class CompositeTraceSink : ITraceSink
{
    private readonly ITraceSink[] _sinks;

    /// <summary>Creates a sink writing to all of <paramref name="sinks"/>; disposing it disposes them.</summary>
    public CompositeTraceSink(params ITraceSink[] sinks)
    {
        ArgumentNullException.ThrowIfNull(sinks);
        _sinks = (ITraceSink[])sinks.Clone();
    }

    /// <summary>The sinks written to.</summary>
    public IReadOnlyList<ITraceSink> Sinks => _sinks;

    /// <inheritdoc />
    public void Write(in TraceRecord record)
    {
        foreach (var sink in _sinks)
            sink.Write(record);
    }

    /// <inheritdoc />
    public void Flush()
    {
        foreach (var sink in _sinks)
            sink.Flush();
    }

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var sink in _sinks)
            sink.Dispose();
    }
}
