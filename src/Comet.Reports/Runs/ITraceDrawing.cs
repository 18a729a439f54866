using Comet.Reports.Output;
using Comet.Sim;

namespace Comet.Reports.Runs;

/// <summary>A picture of a traced run (the timeline), folded from the rows the trace files get and drawn into the run's folder once the run ends.</summary>
/// <remarks>The drawing library implements it, so running and writing a simulation never loads the plotting code unless a picture is asked for.</remarks>
public interface ITraceDrawing
{
    /// <summary>The sink that sees exactly the rows the trace files get (merged as they are).</summary>
    ITraceSink Sink { get; }

    /// <summary>Draws the picture into <paramref name="folder"/> and returns the names of the files written, relative to it.</summary>
    IReadOnlyList<string> Draw(OutputDirectory folder, string title, long totalCycles);
}
