namespace Comet.Workloads.Search;

/// <summary>One free tile factor of a search space: the constant it sets and the largest value it may take (a mesh side for a spatial factor).</summary>
/// <param name="Name">The constant's name in the template's const.yaml (e.g. <c>M_Compute</c>).</param>
/// <param name="Cap">The largest value the factor may take (<see cref="long.MaxValue"/>: any divisor).</param>
public sealed record FactorSlot(string Name, long Cap = long.MaxValue);
