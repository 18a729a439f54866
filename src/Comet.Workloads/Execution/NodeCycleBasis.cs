namespace Comet.Workloads.Execution;

/// <summary>Which simulated span a node's <see cref="NodeStatistics.MeanCycles"/> measures, so it is compared with the analytic node cost of the same quantity.</summary>
public enum NodeCycleBasis
{
    /// <summary>One invocation of the node itself (temporal nodes, collectives, spatial nodes not under a temporal node).</summary>
    Invocation,

    /// <summary>One invocation of its temporal parent, whose only child it is (COMET's temporal node costs what its only child costs).</summary>
    ParentInvocation,

    /// <summary>The stages of one invocation of its temporal parent that wait for this node's tiles and run it (the parent has other children).</summary>
    ParentStages,

    /// <summary>No simulated span measures what COMET costs for this node.</summary>
    NotComparable,
}
