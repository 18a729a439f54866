using Comet.Hardware.Components;
using Comet.Workloads.Collectives;

namespace Comet.Workloads.Execution;

/// <summary>Knobs of the dataflow executor.</summary>
/// <param name="OperandSlots">Tiles of one operand an engine can hold at once (2 = double buffering at the engine's ports).</param>
/// <param name="MaxRunAhead">Iterations a mover may run ahead of its consumer, on top of the buffer's own capacity limit.</param>
/// <param name="StreamLeaves">True: a leaf invocation holds its engine and operand ports for the whole invocation and streams its tiles in a local schedule; false: its ports are arbitrated tile by tile with the rest of the machine.</param>
/// <param name="NocEnergy">Price every mesh hop with the Orion router/link model, as the analytical model's <c>--calc_noc_energy</c> prices whole transfers.</param>
/// <param name="Network">How the meshes switch: whole-transfer store-and-forward (COMET's assumption) or packets cut-through.</param>
/// <param name="Transfers">How a tile move uses its ports and the mesh: a pipeline of chunks through bounded staging, or ports held together and then the mesh (serial).</param>
/// <param name="Collectives">Which algorithm runs every collective (<c>--collectives</c>): auto (the node's <c>algorithm:</c> key, else <see cref="CollectiveAutoRule"/>), or direct (COMET's assumption), ring or 2d wherever the kind has it.</param>
/// <param name="Instances">Whether fan-out instances step through their parent's loop on their own (free) or in lock-step.</param>
/// <param name="Reuse">Whether a tile resident from one invocation serves the next invocation that needs it again.</param>
/// <param name="Prefetch">Whether a node's mover fills the next invocation's first tiles while the current invocation finishes.</param>
public sealed record ExecutionOptions(int OperandSlots = 2, int MaxRunAhead = 64, bool StreamLeaves = true, bool NocEnergy = false, MeshSwitching Network = MeshSwitching.CutThrough, TransferMode Transfers = TransferMode.Pipelined, CollectiveAlgorithmChoice Collectives = CollectiveAlgorithmChoice.Auto, InstanceSync Instances = InstanceSync.Free, TileReuse Reuse = TileReuse.CrossInvocation, PrefetchMode Prefetch = PrefetchMode.NextInvocation)
{
    /// <summary>True when the issue-12 mechanisms are off, so outputs are those of the lock-step, no-reuse, no-prefetch executor.</summary>
    public bool IsLegacySchedule => Instances == InstanceSync.Lockstep && Reuse == TileReuse.None && Prefetch == PrefetchMode.None;

    /// <summary>The defaults.</summary>
    public static ExecutionOptions Default { get; } = new();
}
