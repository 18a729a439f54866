using System.CommandLine;

namespace Comet.Cli.Commands;

/// <summary>The <c>comet simulate</c> verb.</summary>
public static class SimulateCommand
{
    /// <summary>Creates the verb with its options.</summary>
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var command = new Command("simulate", "Not implemented yet.");
        command.SetAction(parse => Execute(parse, stdout, stderr));
        return command;
    }

    /// <summary>Runs the verb and returns the exit code.</summary>
    public static int Execute(ParseResult parse, TextWriter stdout, TextWriter stderr)
    {
        stdout.WriteLine("comet simulate: not implemented yet");
        return 0;
    }
}
