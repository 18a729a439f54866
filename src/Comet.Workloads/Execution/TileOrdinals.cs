namespace Comet.Workloads.Execution;

/// <summary>Where tiles start and end in a loop's per-iteration tile ordinals (consecutive-only reuse).</summary>
public static class TileOrdinals
{
    /// <summary>True when iteration <paramref name="i"/> is the last use of its tile.</summary>
    public static bool EndsAt(int[] ordinal, int i) => i == ordinal.Length - 1 || ordinal[i + 1] != ordinal[i];

    /// <summary>True when iteration <paramref name="i"/> starts a new tile.</summary>
    public static bool StartsAt(int[] ordinal, int i) => i == 0 || ordinal[i - 1] != ordinal[i];
}
