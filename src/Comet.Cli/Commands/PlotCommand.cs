using System.CommandLine;
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
        var outFolder = new Option<string>("--out") { Description = "Folder to write timeline.png and timeline.svg into (created if missing; other files in it are left alone).", Required = true };
        var command = new Command("plot", "Draw the timeline of a trace: one lane per component instance, collective waits in red.");
        command.Options.Add(trace);
        command.Options.Add(outFolder);
        command.SetAction(parse => Execute(parse.GetValue(trace)!, parse.GetValue(outFolder)!, stdout));
        return command;
    }

    /// <summary>Draws the timeline of <paramref name="trace"/> into <paramref name="outFolder"/> and returns the exit code.</summary>
    public static int Execute(string trace, string outFolder, TextWriter stdout)
    {
        if (!File.Exists(trace))
        {
            throw new InputException(trace, string.Empty, Directory.Exists(trace) ? "is a folder, expected a trace CSV file" : "file not found");
        }

        if (File.Exists(outFolder))
        {
            throw new InputException(outFolder, string.Empty, "the output path exists and is a file, not a folder");
        }

        try
        {
            Directory.CreateDirectory(outFolder);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputException(outFolder, string.Empty, $"cannot create the output folder: {e.Message}", inner: e);
        }

        // The folder may hold the trace itself (a run folder), so files are replaced one by one, each by a rename,
        // rather than the whole folder being swapped.
        var png = Path.Combine(outFolder, PngName);
        var svg = Path.Combine(outFolder, SvgName);
        var stamp = Guid.NewGuid().ToString("N");
        var pngTemp = Path.Combine(outFolder, $".{PngName}.{stamp}.tmp");
        var svgTemp = Path.Combine(outFolder, $".{SvgName}.{stamp}.tmp");
        try
        {
            TimelinePlot.Render(trace, pngTemp, svgTemp, new TimelinePlotOptions { Title = $"Timeline of {trace}" });
            File.Move(pngTemp, png, overwrite: true);
            File.Move(svgTemp, svg, overwrite: true);
        }
        finally
        {
            File.Delete(pngTemp);
            File.Delete(svgTemp);
        }

        stdout.WriteLine(png);
        stdout.WriteLine(svg);
        return 0;
    }
}
