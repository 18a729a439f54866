namespace Comet.Bench;

/// <summary>One verb and case of the start-up benchmark: wall ms per process and the largest peak RSS (null without /usr/bin/time) and exit code seen.</summary>
public sealed record StartupRow(string Verb, string? Case, int Runs, double MinMs, double MedianMs, double MaxMs, double? PeakRssMb, int ExitCode);
