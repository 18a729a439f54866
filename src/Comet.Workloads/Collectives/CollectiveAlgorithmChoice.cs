namespace Comet.Workloads.Collectives;

/// <summary>How a collective is carried out on the mesh: which schedule of link transfers and SIMD combines runs it.</summary>
public enum CollectiveAlgorithmChoice
{
    /// <summary>Picked per collective by <see cref="CollectiveAutoRule"/> from the participants' layout and the message size.</summary>
    Auto,

    /// <summary>Root-centric, COMET's assumption: gather to participant 0, combine there, broadcast (today's schedule).</summary>
    Direct,

    /// <summary>Reduce-scatter and/or all-gather steps around one ring through every participant.</summary>
    Ring,

    /// <summary>Ring steps along the rows of the participant grid, then along its columns (then back along the rows).</summary>
    TwoD,

    /// <summary>Broadcast as one multicast tree replicated by the routers (needs <c>broadcast_support</c>).</summary>
    Multicast,

    /// <summary>Broadcast along a binomial tree: every holder sends to one new participant per round.</summary>
    Binomial,

    /// <summary>Reduction combined in the routers (needs <c>reduction_support</c>).</summary>
    InNetwork,

    /// <summary>Reduction along a binomial tree with a combine at every receiving participant.</summary>
    Tree,
}
