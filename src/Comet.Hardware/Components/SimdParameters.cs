namespace Comet.Hardware.Components;

/// <summary>A SIMD unit: lanes and the latency and energy of each operation.</summary>
/// <param name="Name">Hierarchy level name of the unit.</param>
/// <param name="Lanes">Elements processed per issue.</param>
public sealed record SimdParameters(string Name, long Lanes)
{
    /// <summary>Cycles of one issue of <paramref name="op"/> across the lanes (<see cref="SimdOperationCost.LatencyCycles"/>).</summary>
    public long OpLatencyCycles(SimdOperation op) => SimdOperationCost.LatencyCycles(op, Lanes);

    /// <summary>Energy of <paramref name="op"/> on one lane, pJ (<see cref="SimdOperationCost.PicojoulesPerLane"/>).</summary>
    public double PicojoulesPerLaneOp(SimdOperation op) => SimdOperationCost.PicojoulesPerLane(op, Lanes);
}
