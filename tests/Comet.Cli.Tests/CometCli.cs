using System.Diagnostics;
using Comet.Cli;

namespace Comet.Cli.Tests;

/// <summary>Runs the <c>comet</c> command line for a test: in-process, or as the published binary named by <c>COMET_CLI_BINARY</c> (so the natively compiled program passes the same tests).</summary>
public static class CometCli
{
    /// <summary>The environment variable that points the CLI tests at a published <c>comet</c> executable.</summary>
    public const string BinaryVariable = "COMET_CLI_BINARY";

    /// <summary>Runs <c>comet</c> with <paramref name="args"/>, copies what it prints to the writers and returns its exit code.</summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var binary = Environment.GetEnvironmentVariable(BinaryVariable);
        return string.IsNullOrEmpty(binary) ? Program.Run(args, stdout, stderr) : RunProcess(binary, args, stdout, stderr);
    }

    private static int RunProcess(string binary, string[] args, TextWriter stdout, TextWriter stderr)
    {
        var start = new ProcessStartInfo(binary)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"cannot start {binary}");
        process.StandardInput.Close();
        // Both pipes are drained concurrently: a child blocked on a full stderr pipe would never finish its stdout.
        var error = process.StandardError.ReadToEndAsync();
        stdout.Write(process.StandardOutput.ReadToEnd());
        process.WaitForExit();
        stderr.Write(error.Result);
        return process.ExitCode;
    }
}
