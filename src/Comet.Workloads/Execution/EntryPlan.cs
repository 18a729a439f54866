using Comet.Workloads.Inputs;

namespace Comet.Workloads.Execution;

/// <summary>How one tensor entry of a temporal node moves: its tile sequence, size, consumer and fan-out.</summary>
public sealed class EntryPlan
{
    /// <summary>Position of the entry in its node.</summary>
    public required int Index { get; init; }

    /// <summary>The entry as written in the mapping.</summary>
    public required TileEntry Entry { get; init; }

    /// <summary>Tensor name, for the trace.</summary>
    public required string TensorName { get; init; }

    /// <summary>True for a read-write (output) entry: its tiles are drained, not filled.</summary>
    public required bool IsOutput { get; init; }

    /// <summary>True when a sibling before the consumer produces the tensor in the same iteration, so it cannot be prefetched.</summary>
    public required bool Gated { get; init; }

    /// <summary>Index of the child (among the node's non-binding children) that consumes or produces the tile.</summary>
    public required int Consumer { get; init; }

    /// <summary>Tile ordinal at each iteration (a new ordinal whenever the tile differs from the previous iteration's).</summary>
    public required int[] Ordinal { get; init; }

    /// <summary>Number of tile ordinals (moves).</summary>
    public required int Tiles { get; init; }

    /// <summary>Bytes of the tile one child instance receives or sends.</summary>
    public required long BytesPerInstance { get; init; }

    /// <summary>Instances the move fans out to, grouped by distinct tile (local indices within the child level's group).</summary>
    public required int[][] Groups { get; init; }

    /// <summary>Fan-out (number of child instances).</summary>
    public required int FanOut { get; init; }

    /// <summary>True when the child level is a compute engine (operand slots instead of buffer space).</summary>
    public required bool ToCompute { get; init; }

    /// <summary>True when the entry's child level is its target level: a loop over tiles already in that memory, which moves nothing and reserves no second copy.</summary>
    public bool InPlace => Entry.TargetLevelId == Entry.ChildLevelId;

    /// <summary>Name of fill processes (for deadlock reports).</summary>
    public string FillName => field ??= $"fill {TensorName} into {ChildName}";

    /// <summary>Name of drain processes (for deadlock reports).</summary>
    public string DrainName => field ??= $"drain {TensorName} from {ChildName}";

    /// <summary>The collective whose result this input is (<c>collective:type#node</c>), or null when a plain move delivers it.</summary>
    public string? CollectiveWaitReason { get; init; }

    /// <summary>The stall reason of a consumer waiting for this entry's tile: <c>collective:type#node</c> for a collective's result, <c>data:T</c>, or <c>space:T</c> for an output.</summary>
    public string WaitReason => field ??= CollectiveWaitReason ?? (IsOutput ? "space:" : "data:") + TensorName;

    /// <summary>The stall reason of an engine waiting for this leaf operand (<c>data:T</c>) or result slot (<c>space:T</c>): inside a leaf the tile is already in the buffer, so the wait is for its move, never for the collective that produced it.</summary>
    public string OperandWaitReason => field ??= (IsOutput ? "space:" : "data:") + TensorName;

    /// <summary>Name of the child level, for process names.</summary>
    public string ChildName { get; init; } = "";

    /// <summary>True when the tile of iteration <paramref name="i"/> is not used by iteration i+1 (its last use).</summary>
    public bool EndsAt(int i) => TileOrdinals.EndsAt(Ordinal, i);

    /// <summary>True when iteration <paramref name="i"/> starts a new tile.</summary>
    public bool StartsAt(int i) => TileOrdinals.StartsAt(Ordinal, i);
}
