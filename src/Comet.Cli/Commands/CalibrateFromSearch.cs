using System.CommandLine;
using Comet.Cli.Cancellation;
using Comet.Hardware.Inputs;
using Comet.Reports.Output;
using Comet.Reports.SearchCalibration;
using Comet.Workloads.Validation;

namespace Comet.Cli.Commands;

/// <summary><c>comet calibrate --from-search DIR...</c>: fits the model's terms to the simulated top k of searches, scores held-out candidates and each search's rank agreement.</summary>
public static class CalibrateFromSearch
{
    /// <summary>Reads the searches, fits, writes calibration.json and calibration.csv, and prints the summary (or the JSON).</summary>
    public static int Execute(ParseResult parse, IReadOnlyList<string> searches, int holdOutEvery, FitWeighting weighting, string? outFolder, bool json, TextWriter stdout, TextWriter stderr, CancellationToken interrupt)
    {
        ArgumentNullException.ThrowIfNull(parse);
        ArgumentNullException.ThrowIfNull(searches);
        ArgumentNullException.ThrowIfNull(stdout);
        var started = DateTimeOffset.UtcNow;
        if (holdOutEvery < 2)
        {
            throw new InputException("--hold-out-every", string.Empty, "must be at least 2 (every sample held out leaves nothing to fit)");
        }

        var missing = searches.FirstOrDefault(s => !Directory.Exists(s));
        if (missing is not null)
        {
            throw new InputException(missing, "--from-search", "the search folder does not exist");
        }

        using var dir = OutputDirectory.Begin(outFolder ?? Path.Combine("traces", "calibration"));
        using var ctrlC = CtrlC.Install(interrupt);
        var samples = searches.SelectMany(SearchSamples.Read).ToList();
        if (samples.Count < 2)
        {
            throw new InputException(searches[0], "--from-search", $"{samples.Count} simulated candidate(s) in the searches; a fit with a held-out split needs at least 2 (run comet search with a larger --top)");
        }

        var result = SearchCalibrationFit.Of(samples, holdOutEvery, weighting);
        var text = SearchCalibrationReport.Json(result, holdOutEvery);
        File.WriteAllText(dir.PathFor("calibration.json"), text);
        File.WriteAllText(dir.PathFor("calibration.csv"), SearchCalibrationReport.Csv(result));
        dir.Commit(RunInfo.Capture("calibrate", parse.Tokens.Select(t => t.Value).ToList(), started, ctrlC.StopRequested));
        if (json)
        {
            stdout.Write(text);
        }
        else
        {
            SearchCalibrationReport.Write(stdout, result);
            stdout.WriteLine($"wrote {Path.Combine(dir.FinalPath, "calibration.json")}");
            stdout.WriteLine($"wrote {Path.Combine(dir.FinalPath, "calibration.csv")}");
        }

        return ValidateCommand.Stopped(ctrlC, stderr);
    }
}
