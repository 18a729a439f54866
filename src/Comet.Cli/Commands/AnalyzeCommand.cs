using System.CommandLine;
using Comet.Cli.Terminal;
using Comet.Reports.Analytic;
using Comet.Reports.Sequences;
using Comet.Workloads.Analytical;

namespace Comet.Cli.Commands;

/// <summary>The <c>comet analyze</c> verb: evaluates COMET's analytical model on the four input files.</summary>
public static class AnalyzeCommand
{
    /// <summary>Creates the verb with its options.</summary>
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var command = new Command("analyze", "Evaluate COMET's analytical latency/energy model (the reference tool's numbers) on arch/problem/mapping/constants.");
        var inputs = new InputFileOptions();
        var json = CommonOptions.Json();
        inputs.AddTo(command);
        command.Options.Add(json);
        command.SetAction(parse => Execute(parse, inputs, json, stdout, stderr));
        return command;
    }

    private static int Execute(ParseResult parse, InputFileOptions options, Option<bool> json, TextWriter stdout, TextWriter stderr)
    {
        if (options.Sequence(parse) is { } sequence)
        {
            var (steps, reports) = SequenceRun.Analyze(sequence.Folder, sequence.Arch, sequence.NocEnergy);
            stdout.Write(parse.GetValue(json) ? SequenceReport.AnalyticJson(steps, reports) : SequenceReport.Table(steps));
            return 0;
        }

        var files = options.Resolve(parse);
        var inputs = InputFileOptions.Load(files);
        var report = AnalyticalModel.Evaluate(inputs, new AnalyticOptions(files.NocEnergy));
        if (parse.GetValue(json))
        {
            stdout.WriteLine(AnalyticJson.Write(report, inputs.Hashes));
        }
        else
        {
            AnalyticText.Write(stdout, report, inputs.Mapping);
        }

        // Only once the verb has succeeded: a failing run prints its one error line and nothing else.
        InputWarnings.Print(stderr, inputs);
        return 0;
    }
}
