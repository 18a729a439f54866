namespace Comet.Sim;

/// <summary>Receives trace records as they are produced; implementations stream them out rather than keep them.</summary>
public interface ITraceSink : IDisposable
{
    /// <summary>Takes one record.</summary>
    void Write(in TraceRecord record);

    /// <summary>Pushes buffered output to its destination.</summary>
    void Flush();
}
