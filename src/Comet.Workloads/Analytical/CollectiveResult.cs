namespace Comet.Workloads.Analytical;

/// <summary>The cost of one collective execution.</summary>
/// <param name="MemoryCycles">Cycles at the memories.</param>
/// <param name="NetworkCycles">Cycles on the link network.</param>
/// <param name="ReadEnergyPj">Energy of the reads at the target level.</param>
/// <param name="WriteEnergyPj">Energy of the writes at the target level.</param>
/// <param name="NocEnergyPj">Router/link energy.</param>
public readonly record struct CollectiveResult(long MemoryCycles, long NetworkCycles, double ReadEnergyPj, double WriteEnergyPj, double NocEnergyPj)
{
    /// <summary>Memory plus network cycles (the collective node's cost).</summary>
    public long Cycles => MemoryCycles + NetworkCycles;
}
