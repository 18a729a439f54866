using System.CommandLine;
using Comet.Cli.Cancellation;
using Comet.Cli.Reports;
using Comet.Hardware.Inputs;
using Comet.Workloads.Inputs;

namespace Comet.Cli.Commands;

/// <summary>The <c>comet run</c> verb (also <c>comet</c> with no verb): the shipped example, analytically and simulated, side by side.</summary>
public static class RunCommand
{
    private static readonly Option<bool> Json = CommonOptions.Json();
    private static readonly Option<string?> Out = SimulateCommand.OutOption();
    private static readonly Option<string> Trace = SimulateCommand.TraceOption();
    private static readonly Option<int> Seed = SimulateCommand.SeedOption();

    /// <summary>Creates the verb with its options.</summary>
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var command = new Command("run", "Run the built-in default (the authors' example: GEMM 256x1024x4096 -> gather -> softmax) analytically and simulated; write traces/default/.");
        command.Options.Add(Json);
        command.Options.Add(Out);
        command.Options.Add(Trace);
        command.Options.Add(Seed);
        command.SetAction(parse => Execute(parse, stdout, stderr));
        return command;
    }

    /// <summary>The folder of the built-in example: <c>examples/ex_base</c>, searched from the current folder and from the program upwards.</summary>
    public static string DefaultCaseFolder()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "examples", "ex_base");
                if (File.Exists(Path.Combine(candidate, "mapping.yaml")))
                {
                    return candidate;
                }
            }
        }

        throw new InputException("examples/ex_base", string.Empty, "the built-in example is missing (expected examples/ex_base/{arch,problem,mapping,const}.yaml)");
    }

    /// <summary>Runs the verb and returns the exit code.</summary>
    public static int Execute(ParseResult parse, TextWriter stdout, TextWriter stderr)
    {
        var folder = DefaultCaseFolder();
        var inputs = CometInputLoader.LoadFolder(folder);
        var trace = SimulateCommand.ParseTrace(parse.GetValue(Trace) ?? "full");
        var outFolder = parse.GetValue(Out) ?? Path.Combine("traces", "default");
        var request = new SimulationRequest(inputs, "default", outFolder, trace, parse.GetValue(Seed), NocEnergy: false, MappingPath: Path.Combine(folder, "mapping.yaml"), Command: "run", Arguments: parse.Tokens.Select(t => t.Value).ToList());
        using var ctrlC = CtrlC.Install();
        var outcome = SimulationRun.Execute(request, ctrlC.Token);
        if (parse.GetValue(Json))
        {
            stdout.Write(outcome.SummaryJson);
            return 0;
        }

        stdout.WriteLine($"Comet: {folder} (GEMM 256x1024x4096 -> gather -> softmax), analytic vs simulated");
        stdout.WriteLine();
        SimulationRun.Print(stdout, outcome);
        return 0;
    }
}
