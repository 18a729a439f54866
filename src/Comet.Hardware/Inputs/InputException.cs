namespace Comet.Hardware.Inputs;

/// <summary>A user-facing input error that names the file, the position, the key path and what is wrong.</summary>
public sealed class InputException : Exception
{
    /// <summary>Creates an input error; line and column are 1-based and 0 when unknown.</summary>
    public InputException(string file, string keyPath, string problem, long line = 0, long column = 0, string? hint = null, Exception? inner = null)
        : base(Format(file, keyPath, problem, line, column, hint), inner)
    {
        File = file;
        KeyPath = keyPath;
        Problem = problem;
        Line = line;
        Column = column;
        Hint = hint;
    }

    /// <summary>The input file the error is about (as given by the user).</summary>
    public string File { get; }

    /// <summary>The key path inside the file, e.g. <c>mapping.subtree[2].factors</c>.</summary>
    public string KeyPath { get; }

    /// <summary>What is wrong, in one phrase.</summary>
    public string Problem { get; }

    /// <summary>1-based line of the offending node, 0 when unknown.</summary>
    public long Line { get; }

    /// <summary>1-based column of the offending node, 0 when unknown.</summary>
    public long Column { get; }

    /// <summary>A suggested fix (e.g. the nearest valid name), or null.</summary>
    public string? Hint { get; }

    /// <summary>The one-line message printed after <c>error: </c>.</summary>
    public static string Format(string file, string keyPath, string problem, long line, long column, string? hint)
    {
        var position = line > 0 ? $":{line}:{Math.Max(column, 1)}" : string.Empty;
        var key = string.IsNullOrEmpty(keyPath) ? string.Empty : $" {keyPath}:";
        var suffix = string.IsNullOrEmpty(hint) ? string.Empty : $" ({hint})";
        return $"{file}{position}:{key} {problem}{suffix}";
    }
}
