namespace Comet.Hardware.Specs;

/// <summary>One level of the hierarchy (a memory or compute array), with its instance array and networks.</summary>
/// <param name="Id">Level id, in the tool's creation order (depth first; connects, then drains, then fills).</param>
/// <param name="Name">Level name with any <c>[a..b]</c> suffix stripped.</param>
/// <param name="TypeName">The ComputeTiles or MemoryTypes entry it instantiates.</param>
/// <param name="IsCompute">Whether it is a compute level.</param>
/// <param name="IsRoot">Whether it is a top-level entry of <c>Hierarchy</c>.</param>
/// <param name="MeshX">Instance array columns.</param>
/// <param name="MeshY">Instance array rows.</param>
/// <param name="Compute">The compute type (compute levels).</param>
/// <param name="Memory">The memory type (memory levels).</param>
/// <param name="LinkNetwork">The network between this level's instances (<c>link_transfers: true</c>), or null.</param>
/// <param name="ParentIds">Ids of levels that fill or drain this one.</param>
/// <param name="ChildIds">Ids of levels this one fills or drains.</param>
/// <param name="ChildNetworks">The network to each child, by child id.</param>
/// <param name="Line">1-based line of the level's first definition in arch.yaml.</param>
public sealed record HierarchyLevelSpec(
    int Id,
    string Name,
    string TypeName,
    bool IsCompute,
    bool IsRoot,
    long MeshX,
    long MeshY,
    ComputeTypeSpec? Compute,
    MemoryTypeSpec? Memory,
    NetworkSpec? LinkNetwork,
    IReadOnlyList<int> ParentIds,
    IReadOnlyList<int> ChildIds,
    IReadOnlyDictionary<int, NetworkSpec> ChildNetworks,
    long Line)
{
    /// <summary>Number of instances (meshX × meshY).</summary>
    public long Instances => MeshX * MeshY;

    /// <summary>Capacity in bytes per instance used by the fit check.</summary>
    public long CapacityBytes => Memory?.CapacityBytes ?? Compute?.Capacity ?? 0;
}
