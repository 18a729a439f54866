using System.CommandLine;
using Comet.Hardware.Inputs;
using Comet.Plots;
using Comet.Reports.Output;

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
        var from = new Option<long?>("--from") { Description = "First cycle drawn (activities are clipped to the window; default 0)." };
        var to = new Option<long?>("--to") { Description = "Cycle after the last one drawn (default: the last activity's end)." };
        var lanes = new Option<string?>("--lanes") { Description = "Regular expression: draw only the lanes whose name (e.g. GEMM[3], OBuffer.noc[12]) it matches somewhere, e.g. 'engine|DRAM'." };
        var width = new Option<int?>("--width") { Description = "Image width in pixels (default 1600)." };
        var height = new Option<int?>("--height") { Description = "Image height in pixels (default: 28 per lane plus room for the title, axes and legends, at most 12000)." };
        var command = new Command("plot", "Draw the timeline of a trace: one lane per component instance, collective waits in red.");
        command.Options.Add(trace);
        command.Options.Add(outFolder);
        command.Options.Add(from);
        command.Options.Add(to);
        command.Options.Add(lanes);
        command.Options.Add(width);
        command.Options.Add(height);
        command.SetAction(parse => Execute(parse.GetValue(trace)!, parse.GetValue(outFolder)!, stdout, Options(parse.GetValue(from), parse.GetValue(to), parse.GetValue(lanes), parse.GetValue(width), parse.GetValue(height)), parse.Tokens.Select(t => t.Value).ToList()));
        return command;
    }

    /// <summary>Checks the window, lane pattern and size options and turns them into plot options.</summary>
    /// <exception cref="InputException">A value is out of range or the pattern is not a regular expression.</exception>
    public static TimelinePlotOptions Options(long? from, long? to, string? lanes, int? width, int? height)
    {
        var defaults = new TimelinePlotOptions();
        if (from is < 0 or > TimelineAccumulator.MaxCycle)
        {
            throw new InputException("--from", string.Empty, $"{from} is not a cycle (expected 0 to 2^61)");
        }

        if (to is { } end && (end <= (from ?? 0) || end > TimelineAccumulator.MaxCycle))
        {
            throw new InputException("--to", string.Empty, $"{end} must be after --from ({from ?? 0}) and at most 2^61");
        }

        if (width is < 200 or > 20_000)
        {
            throw new InputException("--width", string.Empty, $"{width} pixels is outside 200 to 20000");
        }

        if (height is { } h && (h < defaults.ExtraHeightPixels + 60 || h > 50_000))
        {
            throw new InputException("--height", string.Empty, $"{h} pixels is outside {defaults.ExtraHeightPixels + 60} (title, axes and legends plus one lane) to 50000");
        }

        System.Text.RegularExpressions.Regex? pattern = null;
        if (lanes is not null)
        {
            try
            {
                pattern = new System.Text.RegularExpressions.Regex(lanes, System.Text.RegularExpressions.RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
            }
            catch (ArgumentException e)
            {
                throw new InputException("--lanes", string.Empty, $"'{lanes}' is not a regular expression: {e.Message}", inner: e);
            }
        }

        return defaults with
        {
            FromCycle = from ?? 0,
            ToCycle = to,
            LanePattern = pattern,
            WidthPixels = width ?? defaults.WidthPixels,
            HeightPixels = height,
        };
    }

    /// <summary>The name a trace's timeline is titled with: its folder's name for a <c>trace.csv</c> (the run's name), otherwise the file's name without extension.</summary>
    public static string RunName(string trace)
    {
        var full = Path.GetFullPath(trace);
        var folder = Path.GetFileName(Path.GetDirectoryName(full));
        return string.Equals(Path.GetFileName(full), "trace.csv", StringComparison.Ordinal) && !string.IsNullOrEmpty(folder)
            ? folder
            : Path.GetFileNameWithoutExtension(full);
    }

    /// <summary>Draws the timeline of <paramref name="trace"/> into <paramref name="outFolder"/> and returns the exit code.</summary>
    /// <remarks>
    /// A new or empty folder is written atomically like every run folder; a previous Comet output (the run folder the
    /// trace came from, typically) keeps its files and gains or replaces only the two images; any other folder is refused.
    /// </remarks>
    public static int Execute(string trace, string outFolder, TextWriter stdout, TimelinePlotOptions? options = null, IReadOnlyList<string>? arguments = null)
    {
        options ??= new TimelinePlotOptions();
        var started = DateTimeOffset.UtcNow;
        if (!File.Exists(trace))
        {
            throw new InputException(trace, string.Empty, Directory.Exists(trace) ? "is a folder, not a file (give the trace.csv written by 'comet simulate')" : "file not found");
        }

        using var dir = OutputDirectory.Begin(outFolder, addToExisting: true);
        var accumulator = options.NewAccumulator();
        TimelineTraceReader.Read(trace, accumulator);
        if (accumulator.Lanes.Count == 0 && options.LanePattern is { } pattern)
        {
            throw new InputException("--lanes", string.Empty, $"'{pattern}' matches none of the trace's lanes (names such as GEMM[3])");
        }

        TimelinePlot.Render(accumulator, dir.PathFor(PngName), dir.PathFor(SvgName), options with { Title = RunName(trace) });
        dir.Commit(RunInfo.Capture("plot", arguments ?? ["plot", "--trace", trace, "--out", outFolder], started));
        stdout.WriteLine($"wrote {Path.Combine(dir.FinalPath, PngName)}");
        stdout.WriteLine($"wrote {Path.Combine(dir.FinalPath, SvgName)}");
        return 0;
    }
}
