using Comet.Workloads.Inputs;

namespace Comet.Workloads.Loop;

/// <summary>The loop-nest view of one DataMovement_Tile: its entries and the tiles each entry moves per parent step.</summary>
/// <param name="Node">The mapping node.</param>
/// <param name="Entries">Entries in file order.</param>
/// <param name="Moves">Per entry, one <see cref="TileMove"/> per step (temporal: this level's steps; spatial: the parent's steps).</param>
/// <param name="SameTargetAsParent">A spatial level that fans out of the same memory as its temporal parent.</param>
public sealed record LoopNestNode(
    DataMovementTileNode Node,
    IReadOnlyList<LoopEntry> Entries,
    IReadOnlyList<TileMoveSequence> Moves,
    bool SameTargetAsParent)
{
    private long[]? actual;

    /// <summary>The largest iteration count over the entries.</summary>
    public long MaxIterations { get; } = Entries.Count == 0 ? 0 : Entries.Max(e => e.Iterations);

    /// <summary>Whether the entries' iteration counts differ.</summary>
    public bool DifferentIterations { get; } = Entries.Any(e => e.Iterations != Entries[0].Iterations);

    /// <summary>Steps whose tile is not reused from the previous step (the tool's "actual iterations").</summary>
    public long ActualIterations(int entry)
    {
        actual ??= Moves.Select(list => list.MovingSteps).ToArray();
        return actual[entry];
    }
}
