using System.CommandLine;
using Comet.Cli.Reports;
using Comet.Workloads.Analytical;
using Comet.Workloads.Inputs;

namespace Comet.Cli.Commands;

/// <summary>The <c>comet analyze</c> verb: evaluates COMET's analytical model on the four input files.</summary>
public static class AnalyzeCommand
{
    private static readonly Option<FileInfo> Arch = CommonOptions.ArchFile(required: true);
    private static readonly Option<FileInfo> ProblemOption = CommonOptions.ProblemFile(required: true);
    private static readonly Option<FileInfo> MappingOption = CommonOptions.MappingFile(required: true);
    private static readonly Option<FileInfo> Constants = CommonOptions.ConstantsFile(required: true);
    private static readonly Option<bool> Noc = CommonOptions.NocEnergy();
    private static readonly Option<bool> Json = CommonOptions.Json();

    /// <summary>Creates the verb with its options.</summary>
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var command = new Command("analyze", "Evaluate COMET's analytical latency/energy model (the reference tool's numbers) on arch/problem/mapping/constants.");
        command.Options.Add(Arch);
        command.Options.Add(ProblemOption);
        command.Options.Add(MappingOption);
        command.Options.Add(Constants);
        command.Options.Add(Noc);
        command.Options.Add(Json);
        command.SetAction(parse => Execute(parse, stdout, stderr));
        return command;
    }

    /// <summary>Runs the verb and returns the exit code.</summary>
    public static int Execute(ParseResult parse, TextWriter stdout, TextWriter stderr)
    {
        var inputs = CometInputLoader.Load(
            parse.GetValue(Arch)!.FullName,
            parse.GetValue(ProblemOption)!.FullName,
            parse.GetValue(MappingOption)!.FullName,
            parse.GetValue(Constants)!.FullName);
        var report = AnalyticalModel.Evaluate(inputs, new AnalyticOptions(parse.GetValue(Noc)));
        if (parse.GetValue(Json))
        {
            stdout.WriteLine(AnalyticJson.Write(report, inputs.Hashes));
        }
        else
        {
            AnalyticText.Write(stdout, report, inputs.Mapping);
        }

        return 0;
    }
}
