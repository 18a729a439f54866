using System.CommandLine;
using System.Globalization;
using Comet.Cli.Cancellation;
using Comet.Hardware.Inputs;
using Comet.Plots;
using Comet.Reports.Output;
using Comet.Reports.Sweeps;
using Comet.Workloads.Execution;

namespace Comet.Cli.Commands;

/// <summary>The <c>comet validate</c> verb: runs every case folder through the analytical model and the simulator and tabulates the disagreement.</summary>
public static class ValidateCommand
{
    /// <summary>The cases-folder option.</summary>
    public static Option<string> CasesOption() => new("--cases") { Description = "Folder whose sub-folders each hold arch.yaml, problem.yaml, mapping.yaml, const.yaml (and optionally flags.txt).", Required = true };

    /// <summary>The per-case event budget option.</summary>
    public static Option<long> MaxEventsOption() => new("--max-events") { Description = "Per-case kernel event budget; a case that needs more is recorded as skipped.", DefaultValueFactory = _ => ValidationSweep.DefaultMaxEvents };

    /// <summary>The concurrency option.</summary>
    public static Option<int> JobsOption() => new("--jobs") { Description = "Cases simulated at once (the output does not depend on it).", DefaultValueFactory = _ => 1 };

    /// <summary>Creates the verb with its options.</summary>
    public static Command Create(TextWriter stdout, TextWriter stderr, CancellationToken interrupt = default)
    {
        var command = new Command("validate", "Evaluate the analytical model and simulate every case folder; write validation.csv, validation_levels.csv, validation_families.csv and validation.png/svg.");
        var options = new ValidateOptions(CasesOption(), new Option<string?>("--out") { Description = "Output folder (default traces/validation/)." }, MaxEventsOption(), JobsOption(), CommonOptions.Json());
        command.Options.Add(options.Cases);
        command.Options.Add(options.Out);
        command.Options.Add(options.MaxEvents);
        command.Options.Add(options.Jobs);
        command.Options.Add(options.Json);
        var mechanisms = new MechanismOptions();
        mechanisms.AddTo(command);
        command.SetAction(parse => Execute(parse, options, mechanisms, stdout, stderr, interrupt));
        return command;
    }

    // Runs the verb and returns the exit code (0 even when single cases fail: their errors are in their rows; 130 after Ctrl-C).
    private static int Execute(ParseResult parse, ValidateOptions options, MechanismOptions mechanisms, TextWriter stdout, TextWriter stderr, CancellationToken interrupt)
    {
        var started = DateTimeOffset.UtcNow;
        var cases = ValidationSweep.Discover(parse.GetValue(options.Cases) ?? string.Empty);

        // The output folder is checked before the sweep, so a refused --out costs no simulation.
        using var dir = OutputDirectory.Begin(parse.GetValue(options.Out) ?? Path.Combine("traces", "validation"));
        using var ctrlC = CtrlC.Install(interrupt);
        var execution = mechanisms.Apply(parse, ExecutionOptions.Default);
        var results = Sweep(cases, parse.GetValue(options.MaxEvents), parse.GetValue(options.Jobs), stderr, ctrlC.Token, execution);
        var families = ValidationFamilyStatistics.Of(results);

        var names = new List<string> { "validation.csv", "validation_levels.csv", "validation_families.csv", "validation.png", "validation.svg" };
        File.WriteAllText(dir.PathFor("validation.csv"), ValidationCsv.Cases(results));
        File.WriteAllText(dir.PathFor("validation_levels.csv"), ValidationCsv.Levels(results));
        File.WriteAllText(dir.PathFor("validation_families.csv"), ValidationCsv.Families(families));
        ValidationPlot.Render(results, dir.PathFor("validation.png"), dir.PathFor("validation.svg"), $"Analytic vs simulated cycles: {Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(parse.GetValue(options.Cases)!)))}");
        foreach (var r in results.Where(r => r.SummaryJson is not null))
        {
            var name = Path.Combine("cases", r.Case.Name, "summary.json");
            File.WriteAllText(dir.PathFor(name), r.SummaryJson);
            names.Add(name);
        }

        names.Add(RunInfo.FileName);
        dir.Commit(RunInfo.Capture("validate", parse.Tokens.Select(t => t.Value).ToList(), started, ctrlC.StopRequested));
        var files = names.Select(n => Path.Combine(dir.FinalPath, n)).ToList();
        if (parse.GetValue(options.Json))
        {
            stdout.Write(ValidationJson.Write(results, families, files));
        }
        else
        {
            ValidationText.Write(stdout, results, families);
            stdout.WriteLine();
            stdout.WriteLine($"wrote {dir.FinalPath}{Path.DirectorySeparatorChar} (validation.csv, validation_levels.csv, validation_families.csv, validation.png, validation.svg, cases/*/summary.json)");
        }

        return Stopped(ctrlC, stderr);
    }

    /// <summary>After a sweep: says so in one line and returns 130 when Ctrl-C stopped it, else returns 0.</summary>
    public static int Stopped(CtrlC ctrlC, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(ctrlC);
        ArgumentNullException.ThrowIfNull(stderr);
        if (!ctrlC.StopRequested)
        {
            return 0;
        }

        stderr.WriteLine("stopped by Ctrl-C; the files hold the cases finished until then and run-info.json says \"cancelled\": true");
        return Program.InterruptedExitCode;
    }

    /// <summary>Checks the sweep options and runs the cases, reporting each finished case on <paramref name="progress"/>.</summary>
    /// <exception cref="InputException">The event budget or job count is not positive.</exception>
    public static IReadOnlyList<ValidationCaseResult> Sweep(IReadOnlyList<ValidationCase> cases, long maxEvents, int jobs, TextWriter progress, CancellationToken token, ExecutionOptions? execution = null)
    {
        if (maxEvents < 1)
        {
            throw new InputException("--max-events", string.Empty, $"the event budget must be at least 1 (got {maxEvents.ToString(CultureInfo.InvariantCulture)})");
        }

        if (jobs < 1)
        {
            throw new InputException("--jobs", string.Empty, $"the job count must be at least 1 (got {jobs.ToString(CultureInfo.InvariantCulture)})");
        }

        var done = 0;
        var gate = new object();
        return ValidationSweep.Run(cases, maxEvents, jobs, (_, r) =>
        {
            lock (gate)
            {
                done++;
                var figure = r.SimulatedCycles is { } s ? $" {s.ToString(CultureInfo.InvariantCulture)} cycles" : string.Empty;
                progress.WriteLine($"[{done.ToString(CultureInfo.InvariantCulture)}/{cases.Count.ToString(CultureInfo.InvariantCulture)}] {r.Case.Name}: {r.Status}{figure}");
            }
        }, token, execution);
    }

    private sealed record ValidateOptions(Option<string> Cases, Option<string?> Out, Option<long> MaxEvents, Option<int> Jobs, Option<bool> Json);
}
