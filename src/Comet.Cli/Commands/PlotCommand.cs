using System.CommandLine;
using Comet.Cli.Output;
using Comet.Cli.Plots;
using Comet.Hardware.Inputs;

namespace Comet.Cli.Commands;

/// <summary>The <c>comet plot</c> verb: draws the timeline of a trace CSV.</summary>
public static class PlotCommand
{
    /// <summary>Name of the PNG the verb writes into the output folder.</summary>
    public const string PngName = "timeline.png";

    /// <summary>Name of the SVG the verb writes into the output folder.</summary>
    public const string SvgName = "timeline.svg";

    /// <summary>Creates the verb with its options.</summary>
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        // Options are made per command tree (not static) so repeated Program.Run calls never share parser state.
        var trace = new Option<string>("--trace") { Description = "Trace CSV written by 'comet simulate' (start_cycle,end_cycle,component,...).", Required = true };
        var outFolder = new Option<string>("--out") { Description = "Folder to write timeline.png and timeline.svg into: a new or empty folder, or a Comet output folder (its other files are kept).", Required = true };
        var command = new Command("plot", "Draw the timeline of a trace: one lane per component instance, collective waits in red.");
        command.Options.Add(trace);
        command.Options.Add(outFolder);
        command.SetAction(parse => Execute(parse.GetValue(trace)!, parse.GetValue(outFolder)!, stdout, parse.Tokens.Select(t => t.Value).ToList()));
        return command;
    }

    /// <summary>Draws the timeline of <paramref name="trace"/> into <paramref name="outFolder"/> and returns the exit code.</summary>
    /// <remarks>
    /// A new or empty folder is written atomically like every run folder; a previous Comet output (the run folder the
    /// trace came from, typically) keeps its files and gains or replaces only the two images; any other folder is refused.
    /// </remarks>
    public static int Execute(string trace, string outFolder, TextWriter stdout, IReadOnlyList<string>? arguments = null)
    {
        var started = DateTimeOffset.UtcNow;
        if (!File.Exists(trace))
        {
            throw new InputException(trace, string.Empty, Directory.Exists(trace) ? "is a folder, not a file (give the trace.csv written by 'comet simulate')" : "file not found");
        }

        using var dir = OutputDirectory.Begin(outFolder, addToExisting: true);
        TimelinePlot.Render(trace, dir.PathFor(PngName), dir.PathFor(SvgName), new TimelinePlotOptions { Title = $"Timeline of {trace}" });
        dir.Commit(RunInfo.Capture("plot", arguments ?? ["plot", "--trace", trace, "--out", outFolder], started));
        stdout.WriteLine($"wrote {Path.Combine(dir.FinalPath, PngName)}");
        stdout.WriteLine($"wrote {Path.Combine(dir.FinalPath, SvgName)}");
        return 0;
    }
}
