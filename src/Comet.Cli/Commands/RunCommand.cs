using System.CommandLine;
using Comet.Cli.Cancellation;
using Comet.Cli.Terminal;
using Comet.Hardware.Inputs;
using Comet.Plots;
using Comet.Reports.Runs;
using Comet.Workloads.Inputs;

namespace Comet.Cli.Commands;

/// <summary>The <c>comet run</c> verb (also <c>comet</c> with no verb): the shipped example, analytically and simulated, side by side.</summary>
public static class RunCommand
{
    /// <summary>Creates the verb with its options.</summary>
    public static Command Create(TextWriter stdout, TextWriter stderr, CancellationToken interrupt = default)
    {
        var command = new Command("run", $"Run the built-in default ({DefaultRun.Description}) analytically and simulated; write traces/default/.");
        var options = new RunOptions(CommonOptions.Json(), SimulateCommand.OutOption(), SimulateCommand.TraceOption(), SimulateCommand.SeedOption(), SimulateCommand.LeafPortsOption());
        command.Options.Add(options.Json);
        command.Options.Add(options.Out);
        command.Options.Add(options.Trace);
        command.Options.Add(options.Seed);
        command.Options.Add(options.LeafPorts);
        var mechanisms = new MechanismOptions();
        mechanisms.AddTo(command);
        command.SetAction(parse => Execute(parse, options, mechanisms, stdout, stderr, interrupt));
        return command;
    }

    /// <summary>The folder of the built-in default (<see cref="DefaultRun"/>), searched from the current folder and from the program upwards.</summary>
    public static string DefaultCaseFolder()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine([dir.FullName, .. DefaultRun.FolderParts]);
                if (File.Exists(Path.Combine(candidate, "mapping.yaml")))
                {
                    return candidate;
                }
            }
        }

        var expected = string.Join('/', DefaultRun.FolderParts);
        throw new InputException(expected, string.Empty, $"the built-in default case is missing (expected {expected}/{{arch,problem,mapping,const}}.yaml)");
    }

    /// <summary>Runs the built-in default with default options (what <c>comet</c> with no verb does) and returns the exit code.</summary>
    public static int ExecuteDefaults(ParseResult parse, TextWriter stdout, TextWriter stderr, CancellationToken interrupt = default) => Execute(parse, null, null, stdout, stderr, interrupt);

    private static int Execute(ParseResult parse, RunOptions? options, MechanismOptions? mechanisms, TextWriter stdout, TextWriter stderr, CancellationToken interrupt)
    {
        var folder = DefaultCaseFolder();
        var flags = CaseFolder.Open(folder);
        var inputs = CometInputLoader.LoadFolder(folder);
        var trace = SimulateCommand.ParseTrace((options is null ? null : parse.GetValue(options.Trace)) ?? "full");
        var leafPorts = SimulateCommand.ParseLeafPorts((options is null ? null : parse.GetValue(options.LeafPorts)) ?? "stream");
        var execution = (mechanisms ?? new MechanismOptions()).Apply(options is null ? null : parse, leafPorts);
        var outFolder = (options is null ? null : parse.GetValue(options.Out)) ?? Path.Combine("traces", "default");
        var request = new SimulationRequest(inputs, Path.GetFileName(folder), outFolder, trace, (options is null ? 0 : parse.GetValue(options.Seed)), NocEnergy: flags.NocEnergy, Drawing: TimelineDrawing.Create, MappingPath: Path.Combine(folder, "mapping.yaml"), Command: "run", Arguments: parse.Tokens.Select(t => t.Value).ToList(), Execution: execution);
        using var ctrlC = CtrlC.Install(interrupt);
        if (LargeTraceWarning.For(request) is { } warning)
        {
            stderr.WriteLine(warning);
        }

        var outcome = SimulationRun.Execute(request, ctrlC.Token);
        if (options is not null && parse.GetValue(options.Json))
        {
            stdout.Write(outcome.SummaryJson);
        }
        else
        {
            stdout.WriteLine($"Comet: {folder} ({DefaultRun.Description}), analytic vs simulated");
            stdout.WriteLine();
            SimulationPrinter.Print(stdout, outcome);
        }

        // Only once the verb has run to the end: a failing run prints its one error line, an interrupted one its one
        // line saying so, and nothing else.
        if (!outcome.Cancelled)
        {
            InputWarnings.Print(stderr, inputs);
        }
        return ExitCode(outcome);
    }

    private static int ExitCode(SimulationOutcome outcome) => outcome.Cancelled ? Program.InterruptedExitCode : 0;

    private sealed record RunOptions(Option<bool> Json, Option<string?> Out, Option<string> Trace, Option<int> Seed, Option<string> LeafPorts);
}
