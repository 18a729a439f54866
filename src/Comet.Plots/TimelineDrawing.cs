using Comet.Reports.Output;
using Comet.Reports.Runs;
using Comet.Sim;

namespace Comet.Plots;

/// <summary>The timeline of a traced run (timeline.png and timeline.svg), folded from the trace rows as they are written.</summary>
public sealed class TimelineDrawing : ITraceDrawing
{
    /// <summary>Name of the PNG written into the run folder.</summary>
    public const string PngName = "timeline.png";

    /// <summary>Name of the SVG written into the run folder.</summary>
    public const string SvgName = "timeline.svg";

    private readonly TimelinePlotOptions _options;
    private readonly TimelineAccumulator _timeline;

    /// <summary>Starts an empty timeline drawn with <paramref name="options"/> (default: the defaults).</summary>
    public TimelineDrawing(TimelinePlotOptions? options = null)
    {
        _options = options ?? new TimelinePlotOptions();
        _timeline = _options.NewAccumulator();
        Sink = new TimelineTraceSink(_timeline);
    }

    /// <inheritdoc />
    public ITraceSink Sink { get; }

    /// <summary>Makes a timeline with the default options (the factory a <see cref="SimulationRequest"/> takes).</summary>
    public static ITraceDrawing Create() => new TimelineDrawing();

    /// <inheritdoc />
    public IReadOnlyList<string> Draw(OutputDirectory folder, string title, long totalCycles)
    {
        ArgumentNullException.ThrowIfNull(folder);
        TimelinePlot.Render(_timeline, folder.PathFor(PngName), folder.PathFor(SvgName), _options with { Title = title, TotalCycles = totalCycles });
        return [PngName, SvgName];
    }
}
