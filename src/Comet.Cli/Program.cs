using Comet.Cli.Commands;
using Comet.Hardware.Inputs;

namespace Comet.Cli;

/// <summary>Entry point of the <c>comet</c> command.</summary>
public static class Program
{
    /// <summary>Exit code for bad input (a user error).</summary>
    public const int InputErrorExitCode = 2;

    /// <summary>Exit code for an internal failure (a Comet bug).</summary>
    public const int InternalErrorExitCode = 1;

    /// <summary>Exit code of a run stopped by Ctrl-C (128 + SIGINT, as shells report it); its files are complete and marked cancelled.</summary>
    public const int InterruptedExitCode = 130;

    /// <summary>The exit codes in words, for <c>--help</c>.</summary>
    public const string ExitCodesHelp = "Exit codes: 0 ok, 1 internal error (a Comet bug), 2 bad input (one 'error:' line), 130 interrupted by Ctrl-C (files written so far are complete and marked \"cancelled\": true).";

    /// <summary>Runs the command line and returns the process exit code.</summary>
    public static int Main(string[] args) => Run(args, Console.Out, Console.Error);

    /// <summary>Runs the command line against the given writers (used by tests) and returns the exit code.</summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr) => Run(args, stdout, stderr, CancellationToken.None);

    /// <summary>Runs the command line against the given writers and returns the exit code; cancelling <paramref name="interrupt"/> acts as a Ctrl-C.</summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken interrupt)
    {
        var verbose = args.Contains("--verbose");
        try
        {
            var root = CometCommand.Create(stdout, stderr, interrupt);
            var parse = root.Parse(args);
            if (parse.Errors.Count > 0)
            {
                stderr.WriteLine($"error: {CommandLineErrors.Describe(parse)}");
                return InputErrorExitCode;
            }

            return parse.Invoke(new System.CommandLine.InvocationConfiguration
            {
                Output = stdout,
                Error = stderr,
                EnableDefaultExceptionHandler = false,
            });
        }
        catch (InputException e)
        {
            stderr.WriteLine($"error: {e.Message}");
            if (verbose)
            {
                stderr.WriteLine(e.ToString());
            }

            return InputErrorExitCode;
        }
        catch (Exception e)
        {
            stderr.WriteLine($"error: internal: {e.GetType().Name}: {e.Message.ReplaceLineEndings(" ")}{(verbose ? string.Empty : " (rerun with --verbose for details)")}");
            if (verbose)
            {
                stderr.WriteLine(e.ToString());
            }

            return InternalErrorExitCode;
        }
    }
}
