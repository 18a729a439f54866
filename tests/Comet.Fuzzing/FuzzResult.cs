namespace Comet.Fuzzing;

/// <summary>The outcome of one fuzz case and, for a bug, what went wrong.</summary>
/// <param name="Case">The case.</param>
/// <param name="Outcome">How it was taken.</param>
/// <param name="ExitCode">The CLI's exit code (-1 when it hung).</param>
/// <param name="Message">The stderr line for an input error; for a bug what was wrong and the stderr lines.</param>
/// <param name="Signature">For a crash with an exception, its type and top stack frame (see <see cref="FuzzSignature"/>); otherwise a short name of the problem.</param>
public sealed record FuzzResult(FuzzCase Case, FuzzOutcome Outcome, int ExitCode, string Message, string Signature = "")
{
    /// <summary>True for outcomes that are bugs (<see cref="FuzzOutcome.Crash"/>, <see cref="FuzzOutcome.Hang"/>).</summary>
    public bool IsBug => Outcome is FuzzOutcome.Crash or FuzzOutcome.Hang;
}
