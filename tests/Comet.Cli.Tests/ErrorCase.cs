namespace Comet.Cli.Tests;

/// <summary>One broken input for the error-reporting tests: a reference case, edits to its files, and what the one error line must say.</summary>
/// <param name="Name">Test name.</param>
/// <param name="BaseCase">Reference case folder the inputs are copied from.</param>
/// <param name="Edits">(file, exact text to find once, replacement); a null find replaces the whole file.</param>
/// <param name="File">File name the error must name.</param>
/// <param name="LineOf">Text (in the edited file) whose line the error must point at; null when the error has no position.</param>
/// <param name="Key">Fragment the key path must contain; null when the error has no key path.</param>
/// <param name="What">Fragment the description must contain.</param>
public sealed record ErrorCase(string Name, string BaseCase, IReadOnlyList<(string File, string? Find, string Replace)> Edits, string File, string? LineOf, string? Key, string What)
{
    /// <summary>The test's display name.</summary>
    public override string ToString() => Name;
}
