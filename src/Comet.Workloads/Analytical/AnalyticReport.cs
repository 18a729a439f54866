namespace Comet.Workloads.Analytical;

/// <summary>The analytical model's results, number for number as the reference tool prints them.</summary>
/// <param name="TotalCycles">"Total Cycles": non-overlapped memory time of every level plus leaf compute, × parent iterations.</param>
/// <param name="RootNodeCycles">Cost of the root node in the cycle hierarchy (the sound end-to-end latency estimate).</param>
/// <param name="IdealComputeCycles">Sum of the ideal compute cycles of all operations.</param>
/// <param name="IdealCompute">Ideal compute cycles per operation.</param>
/// <param name="Utilization">Ideal compute / root cycles per compute level (float32 sums as the tool).</param>
/// <param name="TotalEnergyPj">Total energy (double sum of node energies; NoC only when asked).</param>
/// <param name="EnergyBreakdownPj">Energy per breakdown row (level, <c>compute-op</c>, <c>X&lt;-&gt;X</c>, <c>X&lt;-&gt;X-TYPE</c>), summed in float32 as the tool prints them.</param>
/// <param name="CycleBreakdown">The per-unit CS/OS/TMW table.</param>
/// <param name="NodeCycles">Cycles of every DataMovement and collective node, by the tool's node name.</param>
/// <param name="ParentIterations">Parent iteration count (PI) per node that has one.</param>
/// <param name="NodeEnergyPj">Energy per node and level (NoC keys included only when asked).</param>
/// <param name="NocEnergy">Whether NoC energy was included.</param>
public sealed record AnalyticReport(
    long TotalCycles,
    long RootNodeCycles,
    long IdealComputeCycles,
    IReadOnlyDictionary<string, long> IdealCompute,
    IReadOnlyDictionary<string, float> Utilization,
    double TotalEnergyPj,
    IReadOnlyDictionary<string, float> EnergyBreakdownPj,
    IReadOnlyDictionary<string, UnitCycles> CycleBreakdown,
    IReadOnlyDictionary<string, long> NodeCycles,
    IReadOnlyDictionary<string, long> ParentIterations,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, double>> NodeEnergyPj,
    bool NocEnergy)
{
    /// <summary>Meshes priced with Comet's derived hop count because COMET's hop table lacks them (the tool aborts there).</summary>
    public IReadOnlyList<MeshExtension> MeshExtensions { get; init; } = [];

    /// <summary>One sentence per mesh priced outside COMET's hop table.</summary>
    public IReadOnlyList<string> Notes => MeshExtensions.Select(m => m.Describe()).ToList();

    /// <summary>Total of the energy breakdown as the tool prints it (float32 sum of the rows).</summary>
    public float EnergyBreakdownTotalPj
    {
        get
        {
            var total = 0f;
            foreach (var v in EnergyBreakdownPj.Values)
            {
                total += v;
            }

            return total;
        }
    }

    /// <summary>Sum of the utilization rows in float32.</summary>
    public float UtilizationTotal
    {
        get
        {
            var total = 0f;
            foreach (var v in Utilization.Values)
            {
                total += v;
            }

            return total;
        }
    }
}
