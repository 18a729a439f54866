namespace Comet.Fuzzing;

/// <summary>Names a crash by exception type and its top Comet stack frame, so many fuzz cases hitting one bug count as one.</summary>
public static class FuzzSignature
{
    /// <summary>Returns <c>Type at Namespace.Type.Method(...)</c> for <paramref name="exception"/>: the first frame in Comet code (a lambda's frame inside LINQ says more than LINQ's), else the first frame.</summary>
    public static string Of(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var frames = (exception.StackTrace ?? string.Empty)
            .Split('\n')
            .Select(l => l.Trim())
            .Where(l => l.StartsWith("at ", StringComparison.Ordinal))
            .ToList();
        var frame = frames.FirstOrDefault(l => l.StartsWith("at Comet.", StringComparison.Ordinal)) ?? frames.FirstOrDefault() ?? "at (no frame)";
        var inFile = frame.IndexOf(" in ", StringComparison.Ordinal);
        if (inFile >= 0)
        {
            frame = frame[..inFile];
        }

        return $"{exception.GetType().FullName} {frame}";
    }
}
