using System.CommandLine;

namespace Comet.Cli.Commands;

/// <summary>Builds the root <c>comet</c> command and its verbs.</summary>
public static class CometCommand
{
    /// <summary>Creates the root command; with no verb it behaves like <c>comet run</c>.</summary>
    public static RootCommand Create(TextWriter stdout, TextWriter stderr, CancellationToken interrupt = default)
    {
        var root = new RootCommand($"Comet: a cycle-approximate simulator and analytical model of compound-operation dataflows with explicit collectives.\n\n{Program.ExitCodesHelp}");
        root.Options.Add(CommonOptions.Verbose());
        var run = RunCommand.Create(stdout, stderr, interrupt);
        root.Subcommands.Add(run);
        root.Subcommands.Add(AnalyzeCommand.Create(stdout, stderr));
        root.Subcommands.Add(SimulateCommand.Create(stdout, stderr, interrupt));
        root.Subcommands.Add(PlotCommand.Create(stdout, stderr));
        root.Subcommands.Add(ValidateCommand.Create(stdout, stderr, interrupt));
        root.Subcommands.Add(CalibrateCommand.Create(stdout, stderr, interrupt));
        root.Subcommands.Add(CompareCommand.Create(stdout, stderr, interrupt));
        root.Subcommands.Add(PresetsCommand.Create(stdout));
        root.Subcommands.Add(GenerateCommand.Create(stdout));
        root.Subcommands.Add(SearchCommand.Create(stdout, stderr, interrupt));
        root.Subcommands.Add(MergeCommand.Create(stdout, stderr, interrupt));
        root.SetAction(parse => RunCommand.ExecuteDefaults(parse, stdout, stderr, interrupt));
        return root;
    }
}
