using Comet.Hardware.Specs;

namespace Comet.Hardware.Loading;

/// <summary>A hierarchy level while the hierarchy is being read: mutable until <see cref="HierarchyBuilder.Build"/> freezes it.</summary>
internal sealed class LevelDraft
{
    /// <summary>Level id (creation order).</summary>
    public int Id;

    /// <summary>Level name, instance range stripped.</summary>
    public string Name = string.Empty;

    /// <summary>The compute or memory type it instantiates.</summary>
    public string TypeName = string.Empty;

    /// <summary>Whether it is a compute level.</summary>
    public bool IsCompute;

    /// <summary>Whether it is a top-level entry of <c>Hierarchy</c>.</summary>
    public bool IsRoot;

    /// <summary>Instance array columns.</summary>
    public long MeshX = 1;

    /// <summary>Instance array rows.</summary>
    public long MeshY = 1;

    /// <summary>The compute type (compute levels).</summary>
    public ComputeTypeSpec? Compute;

    /// <summary>The memory type (memory levels).</summary>
    public MemoryTypeSpec? Memory;

    /// <summary>The network between this level's instances, or null.</summary>
    public NetworkSpec? Link;

    /// <summary>Ids of levels that fill or drain this one.</summary>
    public readonly SortedSet<int> Parents = new();

    /// <summary>Ids of levels this one fills or drains.</summary>
    public readonly SortedSet<int> Children = new();

    /// <summary>The network to each child, by child id.</summary>
    public readonly Dictionary<int, NetworkSpec> ChildNetworks = new();

    /// <summary>1-based line of the level's first definition.</summary>
    public long Line;
}
