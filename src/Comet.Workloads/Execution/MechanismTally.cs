namespace Comet.Workloads.Execution;

/// <summary>The counts behind <see cref="MechanismActivity"/> that the rooms of one run add to (kept tiles and prefetches are counted by their own rooms).</summary>
internal sealed class MechanismTally
{
    /// <summary>Temporal node invocations run in free lanes.</summary>
    public long LaneInvocations { get; set; }

    /// <summary>Collective schedules whose algorithm differs from the direct one.</summary>
    public long CollectivesUnlikeDirect { get; set; }

    /// <summary>Collective schedules planned.</summary>
    public long Collectives { get; set; }
}
