namespace Comet.Workloads.Analytical;

/// <summary>What the energy pass (<see cref="EnergyEstimator"/>) returns, per mapping node index.</summary>
/// <param name="NodeEnergy">Memory and compute energy per node and level (pJ), levels in ascending order.</param>
/// <param name="NodeNocEnergy">NoC energy per node and key ("X&lt;-&gt;X", ordinal order).</param>
/// <param name="ParentIterations">Parent iteration count (PI) of every node that has one.</param>
internal sealed record EnergyResult(
    IReadOnlyDictionary<int, IReadOnlyDictionary<int, double>> NodeEnergy,
    IReadOnlyDictionary<int, IReadOnlyDictionary<string, double>> NodeNocEnergy,
    IReadOnlyDictionary<int, long> ParentIterations);
