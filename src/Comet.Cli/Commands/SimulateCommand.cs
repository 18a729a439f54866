using System.CommandLine;
using Comet.Cli.Cancellation;
using Comet.Cli.Reports;
using Comet.Hardware.Inputs;
using Comet.Workloads.Inputs;

namespace Comet.Cli.Commands;

/// <summary>The <c>comet simulate</c> verb: runs the mapping on simulated hardware and writes its traces and summary.</summary>
public static class SimulateCommand
{
    private static readonly Option<FileInfo> Arch = CommonOptions.ArchFile(required: true);
    private static readonly Option<FileInfo> ProblemOption = CommonOptions.ProblemFile(required: true);
    private static readonly Option<FileInfo> MappingOption = CommonOptions.MappingFile(required: true);
    private static readonly Option<FileInfo> Constants = CommonOptions.ConstantsFile(required: true);
    private static readonly Option<bool> Noc = CommonOptions.NocEnergy();
    private static readonly Option<bool> Json = CommonOptions.Json();

    /// <summary>The output-folder option (default <c>traces/&lt;name&gt;/</c>).</summary>
    public static Option<string?> OutOption() => new("--out") { Description = "Output folder (default traces/<case name>/)." };

    /// <summary>The trace-level option.</summary>
    public static Option<string> TraceOption() => new("--trace") { Description = "Trace detail: full (every activity; back-to-back repeats of one activity merged into one row, so busy, idle and stall intervals stay exact), raw (one row per hold and per wait; very large), summary (compute, collectives and stalls only, merged like full) or none.", DefaultValueFactory = _ => "full" };

    /// <summary>The seed option.</summary>
    public static Option<int> SeedOption() => new("--seed") { Description = "Seed of the simulation's random stream.", DefaultValueFactory = _ => 0 };

    private static readonly Option<string?> Out = OutOption();
    private static readonly Option<string> Trace = TraceOption();
    private static readonly Option<int> Seed = SeedOption();

    /// <summary>Creates the verb with its options.</summary>
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var command = new Command("simulate", "Run the mapping on simulated hardware (cycle-approximate, event-driven) and write trace.csv, trace.json, summary.json and a timeline.");
        command.Options.Add(Arch);
        command.Options.Add(ProblemOption);
        command.Options.Add(MappingOption);
        command.Options.Add(Constants);
        command.Options.Add(Noc);
        command.Options.Add(Json);
        command.Options.Add(Out);
        command.Options.Add(Trace);
        command.Options.Add(Seed);
        command.SetAction(parse => Execute(parse, stdout, stderr));
        return command;
    }

    /// <summary>Parses a <c>--trace</c> value.</summary>
    public static SimulationTraceLevel ParseTrace(string text) => text.ToLowerInvariant() switch
    {
        "none" => SimulationTraceLevel.None,
        "summary" => SimulationTraceLevel.Summary,
        "full" => SimulationTraceLevel.Full,
        "raw" => SimulationTraceLevel.Raw,
        _ => throw new InputException("--trace", string.Empty, $"unknown trace level '{text}' (expected none, summary, full or raw)"),
    };

    /// <summary>Runs the verb and returns the exit code.</summary>
    public static int Execute(ParseResult parse, TextWriter stdout, TextWriter stderr)
    {
        var mapping = parse.GetValue(MappingOption)!.FullName;
        var trace = ParseTrace(parse.GetValue(Trace) ?? "full");
        var inputs = CometInputLoader.Load(parse.GetValue(Arch)!.FullName, parse.GetValue(ProblemOption)!.FullName, mapping, parse.GetValue(Constants)!.FullName);
        var name = Path.GetFileName(Path.GetDirectoryName(mapping)) is { Length: > 0 } folder ? folder : Path.GetFileNameWithoutExtension(mapping);
        var outFolder = parse.GetValue(Out) ?? Path.Combine("traces", name);
        var request = new SimulationRequest(inputs, name, outFolder, trace, parse.GetValue(Seed), parse.GetValue(Noc), MappingPath: mapping, Command: "simulate", Arguments: parse.Tokens.Select(t => t.Value).ToList());
        using var ctrlC = CtrlC.Install();
        var outcome = SimulationRun.Execute(request, ctrlC.Token);
        if (parse.GetValue(Json))
        {
            stdout.Write(outcome.SummaryJson);
        }
        else
        {
            SimulationRun.Print(stdout, outcome);
        }

        return 0;
    }
}
