namespace Comet.Hardware.Specs;

/// <summary>The topology of a network between a level and its children or between a level's instances.</summary>
public enum NetworkKind
{
    /// <summary><c>MeshNetwork</c>: a 2-D mesh with hop/queuing latency and an Orion router energy model.</summary>
    Mesh,

    /// <summary><c>HXbarNetwork</c>: a hierarchical crossbar (always multicasts, never reduces, no energy).</summary>
    HierarchicalCrossbar,
}
