using System.CommandLine;
using System.Globalization;
using Comet.Cli.Cancellation;
using Comet.Hardware.Inputs;
using Comet.Hardware.Micro;
using Comet.Plots;
using Comet.Reports.Compare;
using Comet.Reports.Output;
using Comet.Reports.Sweeps;
using Comet.Workloads.Micro;

namespace Comet.Cli.Commands;

/// <summary>The <c>comet compare</c> verb: holds simulated mechanisms against closed forms (<c>--suite micro</c>), or cases against the analytical model with the gap attributed to mechanisms (<c>--case</c>, <c>--cases</c>).</summary>
public static class CompareCommand
{
    /// <summary>Exit code when a case does not hold: a mechanism disagrees with its own closed form, which is a Comet bug (the same code as an internal error).</summary>
    public const int CaseFailsExitCode = Program.InternalErrorExitCode;

    /// <summary>The suite option.</summary>
    public static Option<string?> SuiteOption() => new("--suite") { Description = $"Run a built-in suite: '{MicroSuite.Name}' holds every mechanism alone on an idle machine against its closed form (one transfer over H hops, a multicast, one tile on each engine class, …) and the contention-… cases, which must take longer than their contention-free form." };

    /// <summary>The one-case option.</summary>
    public static Option<string?> CaseOption() => new("--case") { Description = "Compare one case folder (arch.yaml, problem.yaml, mapping.yaml, const.yaml and optionally flags.txt)." };

    /// <summary>The folder-of-cases option.</summary>
    public static Option<string?> CasesOption() => new("--cases") { Description = "Compare every case folder under this folder." };

    /// <summary>Creates the verb with its options.</summary>
    public static Command Create(TextWriter stdout, TextWriter stderr, CancellationToken interrupt = default)
    {
        var switches = string.Join(", ", FormulaAssumptions.All.Select(a => $"{a.Name}: {a.Assumption}"));
        var command = new Command("compare", $"Hold the simulator against closed forms. --suite {MicroSuite.Name}: every mechanism alone against its closed form, a table of every case (name, expected and simulated cycles, whether it holds, the formula); --json prints {{\"cases\":[{{\"name\",\"formula\",\"expected_cycles\",\"simulated_cycles\"}}]}}; exit code 0 when every case holds, {CaseFailsExitCode} when any does not (a mechanism disagrees with its closed form: a Comet bug; the table or JSON is still printed in full). --case DIR or --cases DIR: every node, collective and memory level analytic vs simulated, and the gap attributed to mechanisms by re-running with one switched to the formula's assumption at a time ({switches}); writes compare.csv, compare.md, compare.png/svg, attribution.png/svg; --json prints {{\"cases\":[{{\"name\",\"analytic_cycles\",\"simulated_cycles\",\"error_pct\",\"attribution\":{{…,\"residual\"}},\"components\":[…]}}]}}. Exit code 2 for bad input, 130 after Ctrl-C.");
        var options = new CompareOptions(SuiteOption(), CaseOption(), CasesOption(), new Option<string?>("--out") { Description = "Output folder of --case/--cases (default traces/compare/)." },
            ValidateCommand.MaxEventsOption(), new Option<int>("--jobs") { Description = "Simulations run at once (the output does not depend on it).", DefaultValueFactory = _ => Environment.ProcessorCount }, CommonOptions.Json());
        command.Options.Add(options.Suite);
        command.Options.Add(options.Case);
        command.Options.Add(options.Cases);
        command.Options.Add(options.Out);
        command.Options.Add(options.MaxEvents);
        command.Options.Add(options.Jobs);
        command.Options.Add(options.Json);
        command.SetAction(parse => Execute(parse, options, stdout, stderr, interrupt));
        return command;
    }

    // Picks the mode from the options given and runs it.
    private static int Execute(ParseResult parse, CompareOptions options, TextWriter stdout, TextWriter stderr, CancellationToken interrupt)
    {
        var suite = parse.GetValue(options.Suite);
        var one = parse.GetValue(options.Case);
        var many = parse.GetValue(options.Cases);
        if ((suite is null ? 0 : 1) + (one is null ? 0 : 1) + (many is null ? 0 : 1) != 1)
        {
            throw new InputException("compare", string.Empty, $"say what to compare, one of: --suite {MicroSuite.Name}, --case DIR, --cases DIR");
        }

        if (suite is not null)
        {
            return RunSuite(suite, parse.GetValue(options.Json), stdout, stderr);
        }

        var cases = one is not null ? [ValidationSweep.One(one)] : ValidationSweep.Discover(many!);
        return RunCases(parse, options, cases, one ?? many!, stdout, stderr, interrupt);
    }

    // Runs the cases with every mechanism on and once per switch, writes the folder and prints the table or the JSON.
    private static int RunCases(ParseResult parse, CompareOptions options, IReadOnlyList<ValidationCase> cases, string given, TextWriter stdout, TextWriter stderr, CancellationToken interrupt)
    {
        var started = DateTimeOffset.UtcNow;
        var maxEvents = parse.GetValue(options.MaxEvents);
        var jobs = parse.GetValue(options.Jobs);
        if (maxEvents < 1 || jobs < 1)
        {
            throw new InputException(maxEvents < 1 ? "--max-events" : "--jobs", string.Empty, "must be at least 1");
        }

        // The output folder is checked before the runs, so a refused --out costs no simulation.
        using var dir = OutputDirectory.Begin(parse.GetValue(options.Out) ?? Path.Combine("traces", "compare"));
        using var ctrlC = CtrlC.Install(interrupt);
        var gate = new object();
        var results = CompareSweep.Run(cases, maxEvents, jobs, (done, total) =>
        {
            lock (gate)
            {
                stderr.WriteLine($"[{done.ToString(CultureInfo.InvariantCulture)}/{total.ToString(CultureInfo.InvariantCulture)}] simulations");
            }
        }, ctrlC.Token);

        var title = $"Analytic vs simulated cycles: {Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(given)))}";
        File.WriteAllText(dir.PathFor("compare.csv"), CompareCsv.Write(results));
        var markdown = CompareMarkdown.Write(results);
        File.WriteAllText(dir.PathFor("compare.md"), markdown);
        ValidationPlot.Render([.. results.Select(r => r.Run)], dir.PathFor("compare.png"), dir.PathFor("compare.svg"), title);
        AttributionPlot.Render(results, dir.PathFor("attribution.png"), dir.PathFor("attribution.svg"), "What explains the gap: " + title[(title.IndexOf(':') + 2)..]);
        dir.Commit(RunInfo.Capture("compare", parse.Tokens.Select(t => t.Value).ToList(), started, ctrlC.StopRequested));
        if (parse.GetValue(options.Json))
        {
            stdout.Write(CompareJson.Write(results));
        }
        else
        {
            stdout.Write(markdown);
            stdout.WriteLine();
            stdout.WriteLine($"wrote {dir.FinalPath}{Path.DirectorySeparatorChar} (compare.csv, compare.md, compare.png, compare.svg, attribution.png, attribution.svg)");
        }

        return ValidateCommand.Stopped(ctrlC, stderr);
    }

    private static int RunSuite(string suite, bool json, TextWriter stdout, TextWriter stderr)
    {
        if (!string.Equals(suite, MicroSuite.Name, StringComparison.OrdinalIgnoreCase))
        {
            throw new InputException("--suite", string.Empty, $"unknown suite '{suite}' (expected {MicroSuite.Name})");
        }

        return Report(MicroSuite.Run(), json, stdout, stderr);
    }

    /// <summary>Prints <paramref name="cases"/> as the table (or the JSON) and returns 0 when every case holds, else names the failing ones on stderr and returns <see cref="CaseFailsExitCode"/>.</summary>
    public static int Report(IReadOnlyList<MicroCase> cases, bool json, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(cases);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        if (json)
        {
            stdout.Write(MicroSuiteJson.Write(cases));
        }
        else
        {
            MicroSuiteText.Write(stdout, cases);
        }

        var failing = cases.Where(c => !c.Holds).Select(c => c.Name).ToList();
        if (failing.Count == 0)
        {
            return 0;
        }

        stderr.WriteLine($"error: internal: {failing.Count} micro case(s) do not hold: {string.Join(", ", failing)} (a mechanism disagrees with its closed form)");
        return CaseFailsExitCode;
    }

    private sealed record CompareOptions(Option<string?> Suite, Option<string?> Case, Option<string?> Cases, Option<string?> Out, Option<long> MaxEvents, Option<int> Jobs, Option<bool> Json);
}
