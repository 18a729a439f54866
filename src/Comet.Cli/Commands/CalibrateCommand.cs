using System.CommandLine;
using Comet.Cli.Cancellation;
using Comet.Cli.Output;
using Comet.Cli.Reports;
using Comet.Hardware.Inputs;
using Comet.Workloads.Validation;

namespace Comet.Cli.Commands;

/// <summary>The <c>comet calibrate</c> verb: fits non-negative weights of the analytical model's CS/OS/TMW terms to the simulated totals of a sweep.</summary>
public static class CalibrateCommand
{
    /// <summary>Creates the verb with its options.</summary>
    public static Command Create(TextWriter stdout, TextWriter stderr, CancellationToken interrupt = default)
    {
        var command = new Command("calibrate", "Simulate every case folder and fit simulated ≈ a·CS + b·OS + c·TMW (COMET's breakdown columns, coefficients ≥ 0); write calibration.json and calibration.csv.");
        var options = new CalibrateOptions(
            ValidateCommand.CasesOption(),
            new Option<string?>("--out") { Description = "Output folder (default traces/calibration/)." },
            ValidateCommand.MaxEventsOption(),
            ValidateCommand.JobsOption(),
            new Option<string>("--weighting") { Description = "relative (every case counts alike) or absolute (plain cycles).", DefaultValueFactory = _ => "relative" },
            new Option<string?>("--from-validation") { Description = "Take the simulated totals from an earlier sweep's validation.csv instead of simulating again (only the model is evaluated)." },
            CommonOptions.Json());
        command.Options.Add(options.Cases);
        command.Options.Add(options.Out);
        command.Options.Add(options.MaxEvents);
        command.Options.Add(options.Jobs);
        command.Options.Add(options.Weighting);
        command.Options.Add(options.FromValidation);
        command.Options.Add(options.Json);
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

    /// <summary>Evaluates the model on every case and pairs it with the simulated total of the earlier sweep's row of the same name.</summary>
    public static IReadOnlyList<ValidationCaseResult> FromEarlierSweep(IReadOnlyList<ValidationCase> cases, IReadOnlyDictionary<string, ValidationCsvRow> earlier) =>
        cases.Select(c => ValidationSweep.FromEarlierSweep(c, earlier.GetValueOrDefault(c.Name))).ToList();

    private static int Execute(ParseResult parse, CalibrateOptions options, TextWriter stdout, TextWriter stderr, CancellationToken interrupt)
    {
        var started = DateTimeOffset.UtcNow;
        var weighting = ParseWeighting(parse.GetValue(options.Weighting) ?? "relative");
        var cases = ValidationSweep.Discover(parse.GetValue(options.Cases) ?? string.Empty);

        // The output folder is checked before the sweep, so a refused --out costs no simulation.
        using var dir = OutputDirectory.Begin(parse.GetValue(options.Out) ?? Path.Combine("traces", "calibration"));
        using var ctrlC = CtrlC.Install(interrupt);
        var results = parse.GetValue(options.FromValidation) is { } earlierPath
            ? FromEarlierSweep(cases, ValidationCsv.ReadCases(earlierPath))
            : ValidateCommand.Sweep(cases, parse.GetValue(options.MaxEvents), parse.GetValue(options.Jobs), stderr, ctrlC.Token);
        var samples = ValidationCalibrationReport.Samples(results);
        if (samples.Count == 0)
        {
            throw new InputException(parse.GetValue(options.Cases)!, "--cases", "no case was both analysed and simulated, so there is nothing to fit (see the statuses above)");
        }

        var fit = Calibration.Fit(samples, CycleTerms.Names, weighting);
        var json = ValidationCalibrationReport.Json(fit, results);
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

        return ValidateCommand.Stopped(ctrlC, stderr);
    }

    private sealed record CalibrateOptions(Option<string> Cases, Option<string?> Out, Option<long> MaxEvents, Option<int> Jobs, Option<string> Weighting, Option<string?> FromValidation, Option<bool> Json);
}
