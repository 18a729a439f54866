using System.CommandLine;

namespace Comet.Cli.Commands;

/// <summary>The <c>comet run</c> verb.</summary>
public static class RunCommand
{
    /// <summary>Creates the verb with its options.</summary>
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var command = new Command("run", "Not implemented yet.");
        command.SetAction(parse => Execute(parse, stdout, stderr));
        return command;
    }

    /// <summary>Runs the verb and returns the exit code.</summary>
    public static int Execute(ParseResult parse, TextWriter stdout, TextWriter stderr)
    {
        stdout.WriteLine("comet run: not implemented yet");
        return 0;
    }
}
