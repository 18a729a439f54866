using Comet.Hardware.Components;
using Comet.Hardware.Machines;
using Comet.Workloads.Inputs;

namespace Comet.Workloads.Execution;

/// <summary>Which ports a tile move holds: the target memory's side facing its children and each child's side facing its parent, both capped by the router port between them.</summary>
internal sealed class PortRouting(Machine machine)
{
    /// <summary>The target's port holds of a move: none when the target is the child's own level (a link move), else the target memory serving a child.</summary>
    public PortUses TargetUses(int targetLevel, int target, int childLevel, long bytes, bool read, long routerBytesPerCycle) =>
        targetLevel == childLevel ? PortUses.None : machine.Memory(targetLevel, target).ServeChild(bytes, read, routerBytesPerCycle);

    /// <summary>The port holds of child instance <paramref name="child"/> of a move from instance <paramref name="target"/> of its parent.</summary>
    public PortUses ChildUses(int targetLevel, int target, int childLevel, int child, long bytes, bool drain, long routerBytesPerCycle) =>
        machine.Memory(childLevel, child).ServeParent(machine.RefOf(targetLevel, target), bytes, drain, routerBytesPerCycle);

    /// <summary>The two port holds of a move with no network leg between one target and one child, or null when the move needs the general path.</summary>
    public (PortUse First, PortUse Second)? DirectPair(TileEntry entry, int target, int child, long bytes, bool drain)
    {
        var t = entry.TargetLevelId;
        var c = entry.ChildLevelId;
        if (machine.ChildMesh(t, target, c) is not null || t == c)
        {
            return null;
        }

        var router = machine.NetworkPortBandwidth(t, c);
        var targetUses = TargetUses(t, target, c, bytes, read: !drain, router);
        var childUses = ChildUses(t, target, c, child, bytes, drain, router);
        return targetUses.Count == 1 && childUses.Count == 1 ? (targetUses[0], childUses[0]) : null;
    }

    /// <summary>For a leaf operand: the buffer port alone, streaming at the slower of its bandwidth and the engine port's (the engine port only ever serves this buffer's port, so it never waits on its own).</summary>
    public PortUse? OperandUse(TileEntry entry, int target, int child, long bytes, bool drain)
    {
        if (!machine.IsCompute(entry.ChildLevelId) || entry.ReadModifyWrite || machine.Level(entry.TargetLevelId).Memory?.Ports > 1)
        {
            return null;
        }

        if (DirectPair(entry, target, child, bytes, drain) is not { } pair)
        {
            return null;
        }

        var bufferSide = pair.First;
        var enginePort = pair.Second.Pool.BytesPerCycle;
        var bw = bufferSide.BytesPerCycle > 0 ? bufferSide.BytesPerCycle : bufferSide.Pool.BytesPerCycle;
        return bufferSide with { BytesPerCycle = Math.Max(1, Math.Min(bw, enginePort)) };
    }
}
