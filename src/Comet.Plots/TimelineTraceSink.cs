using Comet.Reports.Tracing;
using Comet.Sim;

namespace Comet.Plots;

/// <summary>Folds trace records straight into a <see cref="TimelineAccumulator"/> as they are written, so the timeline never re-reads the trace CSV.</summary>
/// <remarks>
/// Placed beside the CSV sink in a <see cref="CompositeTraceSink"/>, it sees exactly the rows the CSV gets and categorises them as
/// <see cref="TimelineTraceReader"/> does, so the plot drawn from it is byte-identical to the one drawn from the file.
/// It is not thread-safe: write to it from one thread (the trace writer's) and read <see cref="Accumulator"/> after disposing.
/// </remarks>
public sealed class TimelineTraceSink : ITraceSink
{
    /// <summary>Creates a sink feeding <paramref name="accumulator"/>.</summary>
    public TimelineTraceSink(TimelineAccumulator accumulator)
    {
        ArgumentNullException.ThrowIfNull(accumulator);
        Accumulator = accumulator;
    }

    /// <summary>The accumulator the records are folded into.</summary>
    public TimelineAccumulator Accumulator { get; }

    /// <summary>Maps a record's activity and stall reason to its plot category, as <see cref="TimelineTraceReader.Categorize(string, string)"/> maps the same row of the CSV.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The activity is not a defined <see cref="ActivityKind"/>.</exception>
    public static TimelineCategory Categorize(ActivityKind activity, string detail) => activity switch
    {
        ActivityKind.Read => TimelineCategory.Read,
        ActivityKind.Write => TimelineCategory.Write,
        ActivityKind.Transfer => TimelineCategory.Transfer,
        ActivityKind.Compute => TimelineCategory.Compute,
        ActivityKind.Collective => TimelineCategory.Collective,
        ActivityKind.Stall => TimelineTraceReader.IsCollectiveWait(detail) ? TimelineCategory.CollectiveWait : TimelineCategory.Stall,
        _ => throw new ArgumentOutOfRangeException(nameof(activity), activity, "unknown activity"),
    };

    /// <inheritdoc />
    public void Write(in TraceRecord record) =>
        Accumulator.Add(record.Component, record.Instance, record.Start, record.End, Categorize(record.Activity, record.Detail));

    /// <inheritdoc />
    public void Flush()
    {
        // Nothing is buffered: every record is already in the accumulator.
    }

    /// <inheritdoc />
    public void Dispose()
    {
        // The accumulator outlives the sink: the timeline is drawn from it after the trace is closed.
    }
}
