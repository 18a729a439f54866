using Comet.Sim;

namespace Comet.Reports.Tracing;

/// <summary>Lower-case names of <see cref="ActivityKind"/> values as written to trace files, without per-record allocation.</summary>
internal static class ActivityNames
{
    private static readonly string[] Names = Enum.GetValues<ActivityKind>()
        .Select(k => k.ToString().ToLowerInvariant()).ToArray();

    /// <summary>The lower-case name of <paramref name="kind"/>.</summary>
    public static string Of(ActivityKind kind)
    {
        var i = (int)kind;
        return (uint)i < (uint)Names.Length ? Names[i] : kind.ToString().ToLowerInvariant();
    }
}
