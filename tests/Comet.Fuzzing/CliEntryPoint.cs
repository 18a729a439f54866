namespace Comet.Fuzzing;

/// <summary>The shape of <c>Comet.Cli.Program.Run</c>: runs the command line against the given writers and returns the exit code.</summary>
public delegate int CliEntryPoint(string[] args, TextWriter stdout, TextWriter stderr);
