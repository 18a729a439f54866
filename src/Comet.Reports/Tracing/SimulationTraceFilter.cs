using Comet.Sim;

namespace Comet.Reports.Tracing;

/// <summary>A trace sink that passes on only compute, collective and stall rows (the <c>--trace summary</c> level).</summary>
public sealed class SimulationTraceFilter : ITraceSink
{
    private readonly ITraceSink _inner;

    /// <summary>Wraps <paramref name="inner"/>.</summary>
    public SimulationTraceFilter(ITraceSink inner) => _inner = inner;

    /// <inheritdoc />
    public void Write(in TraceRecord record)
    {
        if (record.Activity is ActivityKind.Compute or ActivityKind.Collective or ActivityKind.Stall)
        {
            _inner.Write(record);
        }
    }

    /// <inheritdoc />
    public void Flush() => _inner.Flush();

    /// <inheritdoc />
    public void Dispose() => _inner.Dispose();
}
