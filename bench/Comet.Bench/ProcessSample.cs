namespace Comet.Bench;

/// <summary>One launched process: wall milliseconds from spawn to reap and exit code.</summary>
public readonly record struct ProcessSample(double WallMs, int ExitCode);
