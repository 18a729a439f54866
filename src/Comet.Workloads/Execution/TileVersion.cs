namespace Comet.Workloads.Execution;

/// <summary>Which tile sits in a buffer: tile <paramref name="Ordinal"/> of entry <paramref name="Entry"/> as moved by one invocation (<paramref name="Run"/>) of the node above.</summary>
/// <param name="Run">The invocation that moved the tile.</param>
/// <param name="Entry">The entry's index in its node.</param>
/// <param name="Ordinal">The tile's ordinal in that invocation.</param>
public readonly record struct TileVersion(TemporalRun Run, int Entry, int Ordinal);
