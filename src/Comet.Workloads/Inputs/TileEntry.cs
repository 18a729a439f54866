namespace Comet.Workloads.Inputs;

/// <summary>One tensor entry of a DataMovement_Tile: which tensor moves between which levels and with which loop factors.</summary>
/// <param name="TensorId">The tensor.</param>
/// <param name="Tag">The operation (or collective tag) the entry belongs to; it selects the stride chain.</param>
/// <param name="TargetLevelId">The level holding the tile (the parent memory).</param>
/// <param name="ChildLevelId">The level the tile is moved to or from.</param>
/// <param name="PrecisionBits">Bits per element.</param>
/// <param name="ReadModifyWrite">Whether drains read the old value first.</param>
/// <param name="WritesBack">The <c>wb_output</c> flag (parsed, unused by the model).</param>
/// <param name="Factors">Per factor line (one for temporal, X then Y for spatial): dimension id → factor.</param>
public sealed record TileEntry(
    int TensorId,
    string Tag,
    int TargetLevelId,
    int ChildLevelId,
    int PrecisionBits,
    bool ReadModifyWrite,
    bool WritesBack,
    IReadOnlyList<IReadOnlyDictionary<int, long>> Factors)
{
    /// <summary>Product of all factors of all lines.</summary>
    public long FactorProduct
    {
        get
        {
            long p = 1;
            foreach (var line in Factors)
            {
                foreach (var f in line.Values)
                {
                    p *= f;
                }
            }

            return p;
        }
    }
}
