namespace Comet.Workloads.Inputs;

/// <summary>A dimension id with a size (one term of a tile primitive or tile step).</summary>
/// <param name="DimensionId">The dimension.</param>
/// <param name="Value">The size.</param>
public readonly record struct DimensionValue(int DimensionId, long Value);
