namespace Comet.Workloads.Analytical;

/// <summary>Ideal compute cycles per operation and the compute level each runs on (<see cref="IdealCompute"/>), both in ordinal name order.</summary>
/// <param name="Cycles">Ideal compute cycles per operation.</param>
/// <param name="LevelOf">Compute level id per operation.</param>
internal sealed record IdealComputeResult(IReadOnlyDictionary<string, long> Cycles, IReadOnlyDictionary<string, int> LevelOf);
