namespace Comet.Hardware.Components;

/// <summary>The rule that a memory side streams no faster than the router port it feeds (COMET: Bt ≤ pu·Net.bw, Bc ≤ Net.bw).</summary>
public static class RouterPort
{
    /// <summary>The bandwidth a side moves at: min(bw, router) when the router port has a bandwidth, else bw.</summary>
    public static long Cap(long bytesPerCycle, long routerBytesPerCycle) =>
        routerBytesPerCycle > 0 && bytesPerCycle > routerBytesPerCycle ? routerBytesPerCycle : bytesPerCycle;
}
