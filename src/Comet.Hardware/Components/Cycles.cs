namespace Comet.Hardware.Components;

/// <summary>Integer helpers for turning bytes and bandwidths into held cycles.</summary>
public static class Cycles
{
    /// <summary>Cycles a port of <paramref name="bytesPerCycle"/> is held to move <paramref name="bytes"/>: ⌈bytes ÷ bw⌉.</summary>
    public static long ForBytes(long bytes, long bytesPerCycle)
    {
        if (bytes <= 0)
        {
            return 0;
        }

        if (bytesPerCycle <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(bytesPerCycle), bytesPerCycle, "a port that moves data needs a positive bandwidth");
        }

        return (bytes + bytesPerCycle - 1) / bytesPerCycle;
    }

    /// <summary>Ceiling of a non-negative integer division.</summary>
    public static long CeilDiv(long numerator, long denominator) => denominator <= 0
        ? throw new ArgumentOutOfRangeException(nameof(denominator))
        : numerator <= 0 ? 0 : (numerator + denominator - 1) / denominator;
}
