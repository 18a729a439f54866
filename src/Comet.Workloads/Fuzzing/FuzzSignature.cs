namespace Comet.Workloads.Fuzzing;

/// <summary>Names a crash by exception type and the first stack frame, so many fuzz cases hitting one bug count as one.</summary>
public static class FuzzSignature
{
    /// <summary>Returns <c>Type at Namespace.Type.Method(...)</c> for <paramref name="exception"/>.</summary>
    public static string Of(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var frame = exception.StackTrace?
            .Split('\n')
            .Select(l => l.Trim())
            .FirstOrDefault(l => l.StartsWith("at ", StringComparison.Ordinal)) ?? "at (no frame)";
        var inFile = frame.IndexOf(" in ", StringComparison.Ordinal);
        if (inFile >= 0)
        {
            frame = frame[..inFile];
        }

        return $"{exception.GetType().FullName} {frame}";
    }
}
