using System.CommandLine;
using Comet.Cli.Cancellation;
using Comet.Hardware.Inputs;
using Comet.Reports.Output;
using Comet.Reports.SearchCalibration;
using Comet.Reports.Sweeps;
using Comet.Workloads.Validation;

namespace Comet.Cli.Commands;

/// <summary>The <c>comet calibrate</c> verb: fits non-negative weights of the analytical model's CS/OS/TMW terms to the simulated totals of a sweep.</summary>
public static class CalibrateCommand
{
    /// <summary>Creates the verb with its options.</summary>
    public static Command Create(TextWriter stdout, TextWriter stderr, CancellationToken interrupt = default)
    {
        var command = new Command("calibrate", "Simulate every case folder and fit simulated ≈ a·CS + b·OS + c·TMW (COMET's breakdown columns, coefficients ≥ 0); write calibration.json and calibration.csv. With --from-search DIR...: fit to the simulated top k of comet search outputs instead, with a held-out split (error before/after: median, p90, max) and each search's rank agreement (Kendall τ) with the simulator.");
        var casesOption = ValidateCommand.CasesOption();
        casesOption.Required = false; // --from-validation alone is enough: the earlier sweep's folder holds every figure the fit needs
        casesOption.Description += " Not needed with --from-validation or --from-search.";
        var options = new CalibrateOptions(
            casesOption,
            new Option<string?>("--out") { Description = "Output folder (default traces/calibration/)." },
            ValidateCommand.MaxEventsOption(),
            ValidateCommand.JobsOption(),
            new Option<string>("--weighting") { Description = "relative (every case counts alike) or absolute (plain cycles).", DefaultValueFactory = _ => "relative" },
            new Option<string?>("--from-validation") { Description = "Take the simulated totals from an earlier sweep's validation.csv instead of simulating again: with --cases the model is evaluated on those folders; without it the analytic terms come from the sweep's cases/*/summary.json." },
            CommonOptions.Json(),
            new Option<string[]>("--from-search") { Description = "Fit to the simulated top k of these comet search (or comet merge) output folders: search.csv's simulated cycles and the model's terms of each top/NN-iINDEX case.", AllowMultipleArgumentsPerToken = true },
            new Option<int>("--hold-out-every") { Description = "With --from-search: every N-th simulated candidate (search by search, in top-rank order) is held out of the fit and scored.", DefaultValueFactory = _ => SearchCalibrationFit.DefaultHoldOutEvery });
        command.Options.Add(options.Cases);
        command.Options.Add(options.Out);
        command.Options.Add(options.MaxEvents);
        command.Options.Add(options.Jobs);
        command.Options.Add(options.Weighting);
        command.Options.Add(options.FromValidation);
        command.Options.Add(options.Json);
        command.Options.Add(options.FromSearch);
        command.Options.Add(options.HoldOutEvery);
        command.SetAction(parse => Execute(parse, options, stdout, stderr, interrupt));
        return command;
    }

    /// <summary>Parses a <c>--weighting</c> value.</summary>
    public static FitWeighting ParseWeighting(string text) => text.ToLowerInvariant() switch
    {
        "relative" => FitWeighting.Relative,
        "absolute" => FitWeighting.Absolute,
        _ => throw new InputException("--weighting", string.Empty, $"unknown weighting '{text}' (expected relative or absolute)"),
    };

    private static int Execute(ParseResult parse, CalibrateOptions options, TextWriter stdout, TextWriter stderr, CancellationToken interrupt)
    {
        var started = DateTimeOffset.UtcNow;
        var weighting = ParseWeighting(parse.GetValue(options.Weighting) ?? "relative");
        if (parse.GetValue(options.FromSearch) is { Length: > 0 } searches)
        {
            return CalibrateFromSearch.Execute(parse, searches, parse.GetValue(options.HoldOutEvery), weighting, parse.GetValue(options.Out), parse.GetValue(options.Json), stdout, stderr, interrupt);
        }

        var casesFolder = parse.GetValue(options.Cases);
        var earlierPath = parse.GetValue(options.FromValidation);
        if (casesFolder is null && earlierPath is null)
        {
            throw new InputException("--cases", string.Empty, "give --cases <folder>, or --from-validation <validation.csv> of an earlier sweep");
        }

        var cases = casesFolder is null ? null : ValidationSweep.Discover(casesFolder);

        // The output folder is checked before the sweep, so a refused --out costs no simulation.
        using var dir = OutputDirectory.Begin(parse.GetValue(options.Out) ?? Path.Combine("traces", "calibration"));
        using var ctrlC = CtrlC.Install(interrupt);
        IReadOnlyList<CalibrationSample> samples;
        IReadOnlyList<(string Case, string Status)> leftOut;
        if (cases is null)
        {
            (samples, leftOut) = ValidationCalibrationReport.FromValidationFolder(earlierPath!);
        }
        else
        {
            var results = earlierPath is not null
                ? ValidationSweep.FromEarlierSweep(cases, ValidationCsv.ReadCases(earlierPath))
                : ValidateCommand.Sweep(cases, parse.GetValue(options.MaxEvents), parse.GetValue(options.Jobs), stderr, ctrlC.Token);
            samples = ValidationCalibrationReport.Samples(results);
            leftOut = ValidationCalibrationReport.LeftOut(results);
        }

        if (samples.Count == 0)
        {
            throw new InputException(casesFolder ?? earlierPath!, casesFolder is null ? "--from-validation" : "--cases", "no case was both analysed and simulated, so there is nothing to fit (see the statuses above)");
        }

        var fit = Calibration.Fit(samples, CycleTerms.Names, weighting);
        var json = ValidationCalibrationReport.Json(fit, leftOut);
        File.WriteAllText(dir.PathFor("calibration.json"), json);
        File.WriteAllText(dir.PathFor("calibration.csv"), ValidationCalibrationReport.Csv(fit, samples));
        dir.Commit(RunInfo.Capture("calibrate", parse.Tokens.Select(t => t.Value).ToList(), started, ctrlC.StopRequested));
        if (parse.GetValue(options.Json))
        {
            stdout.Write(json);
        }
        else
        {
            ValidationCalibrationReport.Write(stdout, fit);
            stdout.WriteLine($"wrote {Path.Combine(dir.FinalPath, "calibration.json")}");
            stdout.WriteLine($"wrote {Path.Combine(dir.FinalPath, "calibration.csv")}");
        }

        // Only once the verb has succeeded: a failing run prints its one error line and nothing else.
        foreach (var warning in CalibrationWarnings.For(samples, CycleTerms.Names.Count))
        {
            stderr.WriteLine($"warning: {warning}");
        }

        return ValidateCommand.Stopped(ctrlC, stderr);
    }

    private sealed record CalibrateOptions(Option<string> Cases, Option<string?> Out, Option<long> MaxEvents, Option<int> Jobs, Option<string> Weighting, Option<string?> FromValidation, Option<bool> Json, Option<string[]> FromSearch, Option<int> HoldOutEvery);
}
