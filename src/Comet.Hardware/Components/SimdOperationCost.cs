namespace Comet.Hardware.Components;

/// <summary>COMET's per-operation latency and energy of a SIMD unit: the one table the analytical model and the simulated unit both read.</summary>
public static class SimdOperationCost
{
    /// <summary>Cycles of one issue across <paramref name="lanes"/> lanes: exp 3, row reductions ⌈log2 lanes⌉ (a reduction tree), every other operation 1.</summary>
    public static long LatencyCycles(SimdOperation op, long lanes) => op switch
    {
        SimdOperation.Add or SimdOperation.Mult or SimdOperation.Div or SimdOperation.Max or SimdOperation.Sqrt or SimdOperation.Softmax => 1,
        SimdOperation.Exp => 3,
        SimdOperation.RowSum or SimdOperation.RowMax => TreeDepth(lanes),
        _ => throw new ArgumentOutOfRangeException(nameof(op), op, "a SIMD operation without a latency"),
    };

    /// <summary>Energy of one lane, pJ: div .8, exp 3.86, add .11, mult .64, max .0025, sqrt 2.84, softmax 1, rowsum .11·⌈log2 lanes⌉, rowmax .0025·⌈log2 lanes⌉.</summary>
    public static double PicojoulesPerLane(SimdOperation op, long lanes) => op switch
    {
        SimdOperation.Div => 0.8,
        SimdOperation.Exp => 3.86,
        SimdOperation.Add => 0.11,
        SimdOperation.Mult => 0.64,
        SimdOperation.Max => 0.0025,
        SimdOperation.Sqrt => 2.84,
        SimdOperation.Softmax => 1,
        SimdOperation.RowSum => 0.11 * TreeDepth(lanes),
        SimdOperation.RowMax => 0.0025 * TreeDepth(lanes),
        _ => throw new ArgumentOutOfRangeException(nameof(op), op, "a SIMD operation without an energy"),
    };

    /// <summary>⌈log2 n⌉ (0 for n ≤ 1): the depth of a reduction tree over n lanes.</summary>
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
