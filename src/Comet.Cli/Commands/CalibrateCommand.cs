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
    private static readonly Option<string> Cases = ValidateCommand.CasesOption();
    private static readonly Option<string?> Out = new("--out") { Description = "Output folder (default traces/calibration/)." };
    private static readonly Option<long> MaxEvents = ValidateCommand.MaxEventsOption();
    private static readonly Option<int> Jobs = ValidateCommand.JobsOption();
    private static readonly Option<string> Weighting = new("--weighting") { Description = "relative (every case counts alike) or absolute (plain cycles).", DefaultValueFactory = _ => "relative" };
    private static readonly Option<string?> FromValidation = new("--from-validation") { Description = "Take the simulated totals from an earlier sweep's validation.csv instead of simulating again (only the model is evaluated)." };
    private static readonly Option<bool> Json = CommonOptions.Json();

    /// <summary>Creates the verb with its options.</summary>
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var command = new Command("calibrate", "Simulate every case folder and fit simulated ≈ a·CS + b·OS + c·TMW (COMET's breakdown columns, coefficients ≥ 0); write calibration.json and calibration.csv.");
        command.Options.Add(Cases);
        command.Options.Add(Out);
        command.Options.Add(MaxEvents);
        command.Options.Add(Jobs);
        command.Options.Add(Weighting);
        command.Options.Add(FromValidation);
        command.Options.Add(Json);
        command.SetAction(parse => Execute(parse, stdout, stderr));
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

    /// <summary>Runs the verb and returns the exit code.</summary>
    public static int Execute(ParseResult parse, TextWriter stdout, TextWriter stderr)
    {
        var started = DateTimeOffset.UtcNow;
        var weighting = ParseWeighting(parse.GetValue(Weighting) ?? "relative");
        var cases = ValidationSweep.Discover(parse.GetValue(Cases) ?? string.Empty);
        using var ctrlC = CtrlC.Install();
        var results = parse.GetValue(FromValidation) is { } earlierPath
            ? FromEarlierSweep(cases, ValidationCsv.ReadCases(earlierPath))
            : ValidateCommand.Sweep(cases, parse.GetValue(MaxEvents), parse.GetValue(Jobs), stderr, ctrlC.Token);
        var samples = ValidationCalibrationReport.Samples(results);
        if (samples.Count == 0)
        {
            throw new InputException(parse.GetValue(Cases)!, "--cases", "no case was both analysed and simulated, so there is nothing to fit (see the statuses above)");
        }

        var fit = Calibration.Fit(samples, CycleTerms.Names, weighting);
        using var dir = OutputDirectory.Begin(parse.GetValue(Out) ?? Path.Combine("traces", "calibration"));
        var json = ValidationCalibrationReport.Json(fit, results);
        File.WriteAllText(dir.PathFor("calibration.json"), json);
        File.WriteAllText(dir.PathFor("calibration.csv"), ValidationCalibrationReport.Csv(fit, samples));
        RunInfo.Capture("calibrate", parse.Tokens.Select(t => t.Value).ToList(), started, ctrlC.StopRequested).Write(dir.PathFor(RunInfo.FileName));
        dir.Commit();
        if (parse.GetValue(Json))
        {
            stdout.Write(json);
        }
        else
        {
            ValidationCalibrationReport.Write(stdout, fit);
            stdout.WriteLine($"wrote {Path.Combine(dir.FinalPath, "calibration.json")}");
            stdout.WriteLine($"wrote {Path.Combine(dir.FinalPath, "calibration.csv")}");
        }

        return 0;
    }
}
