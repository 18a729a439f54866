namespace Comet.Workloads.Loop;

/// <summary>A loop entry while the analysis runs: its iteration count may still change when a spatial child shares its target.</summary>
internal sealed class LoopDraft
{
    /// <summary>The entry as the nest pass built it.</summary>
    public required LoopEntry Entry;

    /// <summary>Iterations of the entry's loop.</summary>
    public long Iterations;
}
