using Comet.Sim;

namespace Comet.Hardware.Tests.Components;

/// <summary>Keeps every trace record in memory (tests only).</summary>
public sealed class RecordingSink : ITraceSink
{
    public List<TraceRecord> Records { get; } = [];

    public void Write(in TraceRecord record) => Records.Add(record);

    public void Flush()
    {
    }

    public void Dispose()
    {
    }
}
