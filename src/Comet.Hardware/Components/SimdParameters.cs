namespace Comet.Hardware.Components;

/// <summary>A SIMD unit: lanes and the latency and energy of each operation.</summary>
/// <param name="Name">Hierarchy level name of the unit.</param>
/// <param name="Lanes">Elements processed per issue.</param>
public sealed record SimdParameters(string Name, long Lanes)
{
    /// <summary>Cycles of one issue of <paramref name="op"/> across the lanes (reductions walk a tree of ⌈log2 lanes⌉ stages).</summary>
    public long OpLatencyCycles(SimdOperation op) => op switch
    {
        SimdOperation.Exp => 3,
        SimdOperation.RowSum or SimdOperation.RowMax => TreeDepth(Lanes),
        _ => 1,
    };

    /// <summary>Energy of <paramref name="op"/> on one lane, pJ.</summary>
    public double PicojoulesPerLaneOp(SimdOperation op) => op switch
    {
        SimdOperation.Div => 0.8,
        SimdOperation.Exp => 3.86,
        SimdOperation.Add => 0.11,
        SimdOperation.Mult => 0.64,
        SimdOperation.Max => 0.0025,
        SimdOperation.Sqrt => 2.84,
        SimdOperation.Softmax => 1,
        SimdOperation.RowSum => 0.11 * TreeDepth(Lanes),
        SimdOperation.RowMax => 0.0025 * TreeDepth(Lanes),
        _ => 0,
    };

    /// <summary>⌈log2 n⌉ (0 for n ≤ 1).</summary>
    public static long TreeDepth(long n)
    {
        long depth = 0;
        for (long v = 1; v < n; v <<= 1)
        {
            depth++;
        }

        return depth;
    }
}
