namespace Comet.Workloads.Inputs;

/// <summary>How a tensor's ranks are indexed by problem dimensions; a rank with several dimensions is their sum (convolution style).</summary>
/// <param name="Ranks">For each rank, the dimension ids summed to index it.</param>
public sealed record TensorProjection(IReadOnlyList<IReadOnlyList<int>> Ranks);
