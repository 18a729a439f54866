namespace Comet.Hardware.Components;

/// <summary>COMET's in-place accumulation pass of a GEMM engine: the one table the analytical model and the simulated MAC array both read.</summary>
public static class GemmAccumulation
{
    /// <summary>Extra cycles for <paramref name="factor"/> in-place partial sums (the reduction factor ÷ 256): 16 → 16, 8 → 12, 4 → 8, 2 → 6, otherwise 0.</summary>
    public static long Cycles(long factor) => factor switch
    {
        16 => 16,
        8 => 12,
        4 => 8,
        2 => 6,
        _ => 0,
    };
}
