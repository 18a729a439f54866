namespace Comet.Hardware.Inputs;

/// <summary>Something in an input that COMET accepts but that probably is not what the user meant; the run goes on.</summary>
/// <param name="File">The input file, as the loaders know it.</param>
/// <param name="KeyPath">The key path inside the file, e.g. <c>Hierarchy[0].connects[0].name</c>.</param>
/// <param name="Problem">What is suspicious and what Comet does about it, in one phrase.</param>
/// <param name="Line">1-based line of the node, 0 when unknown.</param>
/// <param name="Column">1-based column of the node, 0 when unknown.</param>
/// <param name="Hint">A suggested fix, or null.</param>
public sealed record InputWarning(string File, string KeyPath, string Problem, long Line = 0, long Column = 0, string? Hint = null)
{
    /// <summary>The one-line message printed after <c>warning: </c> (the same layout as an error's).</summary>
    public string Message => InputException.Format(File, KeyPath, Problem, Line, Column, Hint);
}
