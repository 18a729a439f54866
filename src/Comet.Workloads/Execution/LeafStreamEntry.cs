namespace Comet.Workloads.Execution;

/// <summary>One operand stream of a leaf invocation: the tile each iteration uses and the local ports one tile move holds, with their hold times.</summary>
/// <param name="IsOutput">True for a result stream (tiles are drained after the iteration that finishes them).</param>
/// <param name="Ordinal">Tile ordinal at each iteration.</param>
/// <param name="Tiles">Number of tile moves.</param>
/// <param name="Ports">Local port indices one move holds, in acquisition (key) order.</param>
/// <param name="HoldCycles">Cycles each of <paramref name="Ports"/> is held per move.</param>
/// <remarks>When a tile starts, ends or may move is for <see cref="LeafRules"/> to say.</remarks>
public sealed record LeafStreamEntry(bool IsOutput, int[] Ordinal, int Tiles, int[] Ports, long[] HoldCycles);
