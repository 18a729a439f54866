namespace Comet.Workloads.Loop;

/// <summary>The loop-nest view of one tensor entry of a DataMovement_Tile.</summary>
/// <param name="TensorId">The tensor.</param>
/// <param name="Tag">The entry's tag (operation or collective).</param>
/// <param name="TargetLevelId">Parent memory level.</param>
/// <param name="ChildLevelId">Child level.</param>
/// <param name="PrecisionBits">Bits per element.</param>
/// <param name="ReadModifyWrite">Drains read the old value first.</param>
/// <param name="ReadWrite">The tensor is drained (the tagged operation writes it, or the tag is not an operation).</param>
/// <param name="Dependent">The tensor is intermediate (produced inside the compound operation).</param>
/// <param name="RelativeTileStep">Child tile steps per step of this level (compute invocations per tile at a leaf).</param>
/// <param name="Iterations">Temporal iterations (for a spatial level sharing its parent's target, the parent's).</param>
/// <param name="SpatialFanOut">Product of the spatial factors (1 for temporal).</param>
/// <param name="Descriptor">Per factor line, dimension id → bound.</param>
/// <param name="Order">Loop order, innermost first.</param>
public sealed record LoopEntry(
    int TensorId,
    string Tag,
    int TargetLevelId,
    int ChildLevelId,
    int PrecisionBits,
    bool ReadModifyWrite,
    bool ReadWrite,
    bool Dependent,
    long RelativeTileStep,
    long Iterations,
    long SpatialFanOut,
    IReadOnlyList<IReadOnlyDictionary<int, LoopBound>> Descriptor,
    IReadOnlyList<int> Order)
{
    /// <summary>Port used by the entry: 1 (write/drain) for read-write tensors, 0 (read/fill) otherwise.</summary>
    public int Port => ReadWrite ? 1 : 0;
}
