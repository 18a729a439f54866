using System.CommandLine;
using Comet.Cli.Cancellation;
using Comet.Cli.Terminal;
using Comet.Hardware.Components;
using Comet.Hardware.Inputs;
using Comet.Plots;
using Comet.Reports.Runs;
using Comet.Reports.Sequences;
using Comet.Reports.Tracing;
using Comet.Workloads.Collectives;
using Comet.Workloads.Execution;
using Comet.Workloads.Inputs;

namespace Comet.Cli.Commands;

/// <summary>The <c>comet simulate</c> verb: runs the mapping on simulated hardware and writes its traces and summary.</summary>
public static class SimulateCommand
{
    /// <summary>The output-folder option (default <c>traces/&lt;name&gt;/</c>).</summary>
    public static Option<string?> OutOption() => new("--out") { Description = "Output folder (default traces/<case name>/)." };

    /// <summary>The trace-level option.</summary>
    public static Option<string> TraceOption() => new("--trace") { Description = "Trace detail: full (every activity; back-to-back repeats of one activity merged into one row, so busy, idle and stall intervals stay exact), raw (one row per hold and per wait; very large), summary (compute, collectives and stalls only, merged like full) or none.", DefaultValueFactory = _ => "full" };

    /// <summary>The trace-format option.</summary>
    public static Option<string> TraceFormatOption() => new("--trace-format")
    {
        Description = "Trace files, comma-separated: " + string.Join(", ", TraceFileFormats.All.Select(f => $"{f.Name} ({f.FileName}, {f.Description})")) + ".",
        DefaultValueFactory = _ => "csv,json",
    };

    /// <summary>Parses a <c>--trace-format</c> value such as <c>csv,perfetto</c>.</summary>
    public static SimulationTraceFormats ParseTraceFormats(string text)
    {
        var formats = SimulationTraceFormats.None;
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries))
        {
            formats |= TraceFileFormats.Named(part)?.Flag
                ?? throw new InputException("--trace-format", string.Empty, $"unknown trace format '{part}' (expected a comma-separated list of {string.Join(", ", TraceFileFormats.All.Select(f => f.Name))})");
        }

        return formats;
    }

    /// <summary>The seed option.</summary>
    public static Option<int> SeedOption() => new("--seed") { Description = "Seed of the simulation's random stream.", DefaultValueFactory = _ => 0 };

    /// <summary>The leaf port arbitration option.</summary>
    public static Option<string> LeafPortsOption() => new("--leaf-ports") { Description = "How a leaf (the loop feeding an engine) uses its buffer ports: stream (it holds its engine and operand ports for the invocation and streams its tiles in a local schedule; one trace row per port and engine per invocation) or tile (ports are arbitrated tile by tile with the rest of the machine; one row per tile move; many more events).", DefaultValueFactory = _ => "stream" };

    /// <summary>Parses a <c>--leaf-ports</c> value into executor knobs.</summary>
    public static ExecutionOptions ParseLeafPorts(string text) => text.ToLowerInvariant() switch
    {
        "stream" => ExecutionOptions.Default,
        "tile" => ExecutionOptions.Default with { StreamLeaves = false },
        _ => throw new InputException("--leaf-ports", string.Empty, $"unknown leaf port mode '{text}' (expected stream or tile)"),
    };

    /// <summary>Creates the verb with its options.</summary>
    public static Command Create(TextWriter stdout, TextWriter stderr, CancellationToken interrupt = default)
    {
        var command = new Command("simulate", "Run the mapping on simulated hardware (cycle-approximate, event-driven) and write trace.csv, trace.json, summary.json and a timeline.");
        var inputs = new InputFileOptions();
        var options = new SimulateOptions(inputs, CommonOptions.Json(), OutOption(), TraceOption(), SeedOption(), LeafPortsOption(), TraceFormatOption());
        inputs.AddTo(command);
        command.Options.Add(options.Json);
        command.Options.Add(options.Out);
        command.Options.Add(options.Trace);
        command.Options.Add(options.TraceFormat);
        command.Options.Add(options.Seed);
        command.Options.Add(options.LeafPorts);
        var mechanisms = new MechanismOptions();
        mechanisms.AddTo(command);
        command.SetAction(parse => Execute(parse, options, mechanisms, stdout, stderr, interrupt));
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

    private static int Execute(ParseResult parse, SimulateOptions options, MechanismOptions mechanisms, TextWriter stdout, TextWriter stderr, CancellationToken interrupt)
    {
        if (options.Inputs.Sequence(parse) is { } sequence)
        {
            return ExecuteSequence(parse, options, mechanisms, sequence, stdout, interrupt);
        }

        var files = options.Inputs.Resolve(parse);
        var mapping = files.Mapping;
        var trace = ParseTrace(parse.GetValue(options.Trace) ?? "full");
        var formats = ParseTraceFormats(parse.GetValue(options.TraceFormat) ?? "csv,json");
        var execution = mechanisms.Apply(parse, ParseLeafPorts(parse.GetValue(options.LeafPorts) ?? "stream"));
        var inputs = InputFileOptions.Load(files);
        var name = Path.GetFileName(Path.GetDirectoryName(mapping)) is { Length: > 0 } folder ? folder : Path.GetFileNameWithoutExtension(mapping);
        var outFolder = parse.GetValue(options.Out) ?? Path.Combine("traces", name);
        var request = new SimulationRequest(inputs, name, outFolder, trace, parse.GetValue(options.Seed), files.NocEnergy, TimelineDrawing.Create, MappingPath: mapping, Command: "simulate", Arguments: parse.Tokens.Select(t => t.Value).ToList(), Execution: execution, TraceFormats: formats);
        using var ctrlC = CtrlC.Install(interrupt);
        if (LargeTraceWarning.For(request) is { } warning)
        {
            stderr.WriteLine(warning);
        }

        var outcome = SimulationRun.Execute(request, ctrlC.Token);
        if (parse.GetValue(options.Json))
        {
            stdout.Write(outcome.SummaryJson);
        }
        else
        {
            SimulationPrinter.Print(stdout, outcome);
        }

        // Only once the verb has run to the end: a failing run prints its one error line, an interrupted one its one
        // line saying so, and nothing else.
        if (!outcome.Cancelled)
        {
            InputWarnings.Print(stderr, inputs);
        }
        return outcome.Cancelled ? Program.InterruptedExitCode : 0;
    }

    private static int ExecuteSequence(ParseResult parse, SimulateOptions options, MechanismOptions mechanisms, (SequenceFolder Folder, YamlFile? Arch, bool NocEnergy) sequence, TextWriter stdout, CancellationToken interrupt)
    {
        var trace = ParseTrace(parse.GetValue(options.Trace) ?? "full");
        var formats = ParseTraceFormats(parse.GetValue(options.TraceFormat) ?? "csv,json");
        var execution = mechanisms.Apply(parse, ParseLeafPorts(parse.GetValue(options.LeafPorts) ?? "stream"));
        var name = Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(sequence.Folder.Folder)));
        var outFolder = parse.GetValue(options.Out) ?? Path.Combine("traces", name);
        var first = sequence.Folder.Load(sequence.Folder.Steps[0], sequence.Arch);
        var template = new SimulationRequest(first, name, outFolder, trace, parse.GetValue(options.Seed), sequence.NocEnergy, TimelineDrawing.Create, Command: "simulate", Arguments: parse.Tokens.Select(t => t.Value).ToList(), Execution: execution, TraceFormats: formats);
        using var ctrlC = CtrlC.Install(interrupt);
        var (steps, summary, files, cancelled) = SequenceRun.Simulate(sequence.Folder, sequence.Arch, template, ctrlC.Token);
        if (parse.GetValue(options.Json))
        {
            stdout.Write(summary);
        }
        else
        {
            stdout.Write(SequenceReport.Table(steps));
            stdout.WriteLine();
            foreach (var f in files)
            {
                stdout.WriteLine($"wrote {f}");
            }
        }

        return cancelled ? Program.InterruptedExitCode : 0;
    }

    private sealed record SimulateOptions(InputFileOptions Inputs, Option<bool> Json, Option<string?> Out, Option<string> Trace, Option<int> Seed, Option<string> LeafPorts, Option<string> TraceFormat);
}
