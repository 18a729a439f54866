namespace Comet.Workloads.Inputs;

/// <summary>An operation's <c>compute_attributes</c> block.</summary>
/// <param name="Speculative">The <c>specd</c> flag.</param>
/// <param name="ReadModifyWrite">The <c>rmw</c> flag.</param>
/// <param name="ReductionDimensions">Reduction dimension ids in file order.</param>
/// <param name="ReductionFactors">Reduction factor per dimension id.</param>
public sealed record ComputeAttributes(
    bool Speculative,
    bool ReadModifyWrite,
    IReadOnlyList<int> ReductionDimensions,
    IReadOnlyDictionary<int, long> ReductionFactors)
{
    /// <summary>The attributes of an operation without the block.</summary>
    public static ComputeAttributes None { get; } = new(false, false, [], new Dictionary<int, long>());

    /// <summary>The reduction factor of a dimension, 0 when not given.</summary>
    public long FactorOf(int dimension) => ReductionFactors.TryGetValue(dimension, out var f) ? f : 0;
}
