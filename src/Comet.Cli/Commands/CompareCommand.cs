using System.CommandLine;
using Comet.Hardware.Inputs;
using Comet.Hardware.Micro;
using Comet.Reports.Compare;
using Comet.Workloads.Micro;

namespace Comet.Cli.Commands;

/// <summary>The <c>comet compare</c> verb: holds simulated mechanisms against closed forms; today the micro suite (<c>--suite micro</c>).</summary>
/// <remarks>
/// A mode is chosen by its option: <c>--suite NAME</c> runs a built-in suite. Comparing one case or a folder of cases
/// node by node (analytic vs simulated with mechanism attribution) is meant to be a second mode beside it, selected by
/// its own option and dispatched in <see cref="Execute"/>.
/// </remarks>
public static class CompareCommand
{
    /// <summary>Exit code when a case does not hold: a mechanism disagrees with its own closed form, which is a Comet bug (the same code as an internal error).</summary>
    public const int CaseFailsExitCode = Program.InternalErrorExitCode;

    /// <summary>The suite option.</summary>
    public static Option<string?> SuiteOption() => new("--suite") { Description = $"Run a built-in suite: '{MicroSuite.Name}' holds every mechanism alone on an idle machine against its closed form (one transfer over H hops, a multicast, one tile on each engine class, …) and the contention-… cases, which must take longer than their contention-free form." };

    /// <summary>Creates the verb with its options.</summary>
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var command = new Command("compare", $"Hold the simulator's mechanisms against closed forms. --suite {MicroSuite.Name}: a table of every case (name, expected and simulated cycles, whether it holds, the formula); --json prints {{\"cases\":[{{\"name\",\"formula\",\"expected_cycles\",\"simulated_cycles\"}}]}}. Exit code 0 when every case holds, {CaseFailsExitCode} when any does not (a mechanism disagrees with its closed form: a Comet bug; the table or JSON is still printed in full), 2 for bad input.");
        var options = new CompareOptions(SuiteOption(), CommonOptions.Json());
        command.Options.Add(options.Suite);
        command.Options.Add(options.Json);
        command.SetAction(parse => Execute(parse, options, stdout, stderr));
        return command;
    }

    // Picks the mode from the options given and runs it.
    private static int Execute(ParseResult parse, CompareOptions options, TextWriter stdout, TextWriter stderr)
    {
        var suite = parse.GetValue(options.Suite);
        if (suite is null)
        {
            throw new InputException("--suite", string.Empty, $"say what to compare: --suite {MicroSuite.Name}");
        }

        return RunSuite(suite, parse.GetValue(options.Json), stdout, stderr);
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

    private sealed record CompareOptions(Option<string?> Suite, Option<bool> Json);
}
