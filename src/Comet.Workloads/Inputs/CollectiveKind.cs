namespace Comet.Workloads.Inputs;

/// <summary>A collective operation type.</summary>
public enum CollectiveKind
{
    /// <summary>One to many.</summary>
    Broadcast = 0,

    /// <summary>Many to one with a reduction.</summary>
    Reduction = 1,

    /// <summary>Gather then broadcast.</summary>
    AllGather = 2,

    /// <summary>Reduce then broadcast.</summary>
    AllReduce = 3,

    /// <summary>One to many, split.</summary>
    Scatter = 4,

    /// <summary>Many to one, concatenated.</summary>
    Gather = 5,

    /// <summary>Reduce, then each instance keeps one chunk of the result (a Comet extension: the tool has no reduce-scatter).</summary>
    ReduceScatter = 6,
}
