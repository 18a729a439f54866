namespace Comet.Workloads.Execution;

/// <summary>One operand stream of a leaf invocation: the tile each iteration uses and the local ports one tile move holds, with their hold times.</summary>
/// <param name="IsOutput">True for a result stream (tiles are drained after the iteration that finishes them).</param>
/// <param name="Ordinal">Tile ordinal at each iteration.</param>
/// <param name="Tiles">Number of tile moves.</param>
/// <param name="Ports">Local port indices one move holds, in acquisition (key) order.</param>
/// <param name="HoldCycles">Cycles each of <paramref name="Ports"/> is held per move.</param>
public sealed record LeafStreamEntry(bool IsOutput, int[] Ordinal, int Tiles, int[] Ports, long[] HoldCycles)
{
    /// <summary>True when iteration <paramref name="i"/> is the last use of its tile.</summary>
    public bool EndsAt(int i) => TileOrdinals.EndsAt(Ordinal, i);

    /// <summary>True when iteration <paramref name="i"/> starts a new tile.</summary>
    public bool StartsAt(int i) => TileOrdinals.StartsAt(Ordinal, i);
}
