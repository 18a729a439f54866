namespace Comet.Plots;

/// <summary>What a stretch of a timeline lane is doing, as coloured in the timeline plot.</summary>
public enum TimelineCategory
{
    /// <summary>A read of a memory level.</summary>
    Read = 0,

    /// <summary>A write into a memory level.</summary>
    Write = 1,

    /// <summary>A transfer over a link or the NoC.</summary>
    Transfer = 2,

    /// <summary>An engine computing.</summary>
    Compute = 3,

    /// <summary>A collective's own data movement or reduction.</summary>
    Collective = 4,

    /// <summary>A stall for any reason other than a collective.</summary>
    Stall = 5,

    /// <summary>A stall whose reason starts with <c>collective</c>: the engine sits idle waiting for a collective.</summary>
    CollectiveWait = 6,
}
