namespace Comet.Workloads.Analytical;

/// <summary>The cost of one tile move.</summary>
/// <param name="MemoryCycles">Cycles at the memories (bandwidth bound).</param>
/// <param name="NetworkCycles">Cycles in the network (hops and queuing).</param>
/// <param name="NocEnergyPj">Router/link energy (0 unless NoC energy is asked for).</param>
public readonly record struct TileCost(long MemoryCycles, long NetworkCycles, double NocEnergyPj)
{
    /// <summary>Memory plus network cycles.</summary>
    public long Total => MemoryCycles + NetworkCycles;
}
