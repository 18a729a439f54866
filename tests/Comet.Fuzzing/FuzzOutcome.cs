namespace Comet.Fuzzing;

/// <summary>How Comet took one fuzz case.</summary>
public enum FuzzOutcome
{
    /// <summary>The damaged input was still valid and was evaluated (exit code 0).</summary>
    Evaluated,

    /// <summary>The input was rejected with one <c>error: …</c> line and exit code 2, writing nothing.</summary>
    InputError,

    /// <summary>Anything else: another exception, another exit code, a malformed error message, or output left behind. A bug.</summary>
    Crash,

    /// <summary>The case did not finish within the time limit. A bug.</summary>
    Hang,
}
