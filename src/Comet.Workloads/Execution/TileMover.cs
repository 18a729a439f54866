using Comet.Hardware.Components;
using Comet.Sim;
using Comet.Workloads.Inputs;

namespace Comet.Workloads.Execution;

/// <summary>Moves one tile between a target memory and its child instances: pipelined in chunks through both sides' ports and the mesh leg (a multicast, a reduction or unicast copies), or serially (ports held together, then the mesh).</summary>
internal sealed class TileMover(RunContext run, PortRouting ports)
{
    /// <summary>The ports a move holds.</summary>
    public PortRouting Ports => ports;

    /// <summary>The simulation the moves run in.</summary>
    public Simulation Simulation => run.Sim;

    // Move bodies that are done, ready for the next move started as a process.
    private readonly RefStack<DeferredMove> _spareMoves = new();

    // One-child instance lists by child (read only), so a copy to one child allocates none.
    private int[]?[] _singles = [];

    /// <summary>Moves one tile between instance <paramref name="target"/> of the entry's target and the child instances <paramref name="children"/> (replicas of the same tile); <paramref name="counted"/> false when the caller counts the traffic itself.</summary>
    /// <remarks>For a process of its own: nothing happens before the process first steps it (it may start after events already due); the body is recycled and enumerated once.</remarks>
    public IEnumerable<Event> Move(TileEntry entry, int target, int[] children, long bytes, bool drain, ActivityLabel label, bool counted = true) =>
        (_spareMoves.TryPop(out var body) ? body : new DeferredMove(this, _spareMoves)).Prepare(entry, target, children, bytes, drain, label, counted);

    /// <summary>The general move as an iterator: nothing moves within one memory, a multicast over several attachments or copies run as processes of their own, a read-modify-write reads first.</summary>
    private IEnumerable<Event> MoveSteps(TileEntry entry, int target, int[] children, long bytes, bool drain, ActivityLabel label, bool counted)
    {
        if (entry.TargetLevelId == entry.ChildLevelId)
        {
            // A loop over tiles already in this memory (a query-block loop around a K/V loop, both at GB): nothing moves.
            yield break;
        }

        var sim = run.Sim;
        var t = entry.TargetLevelId;
        var c = entry.ChildLevelId;
        var mesh = run.Machine.ChildMesh(t, target, c);
        var together = Together(mesh, children, drain);
        if (together && !drain && mesh is { Attachments.Count: > 1 } && GroupsOf(mesh, children) is { Length: > 1 } groups)
        {
            // A multicast whose children are nearest different attachments: one tree from each, through its own port.
            var parts = new Event[groups.Length];
            for (var g = 0; g < parts.Length; g++)
            {
                parts[g] = sim.Process(Move(entry, target, groups[g], bytes, drain, label), "multicast");
            }

            yield return sim.AllOf(parts);
            yield break;
        }

        if (!together)
        {
            var procs = new Event[children.Length];
            for (var k = 0; k < children.Length; k++)
            {
                procs[k] = sim.Process(Move(entry, target, Single(children[k]), bytes, drain, label, counted), "copy");
            }

            yield return sim.AllOf(procs);
            yield break;
        }

        if (drain && entry.ReadModifyWrite)
        {
            if (counted)
            {
                run.Traffic.Add(t, c, entry.TensorId, bytes * children.Length, drain);
            }

            // Read-modify-write: the old partial sum is read at the target before the new one is written.
            var old = ports.TargetUses(t, target, c, bytes, read: true, run.Machine.NetworkPortBandwidth(t, c));
            var reads = new PortUse[old.Count];
            old.CopyTo(reads, 0);
            yield return sim.Call(DataTransfer.Run(sim, requester: run.Machine.RefOf(c, children[0]), label, reads, null));
            yield return sim.Call(Transfer(entry, target, children, bytes, drain, label, counted: false));
            yield break;
        }

        yield return sim.Call(Transfer(entry, target, children, bytes, drain, label, counted));
    }

    /// <summary>The same move as <see cref="Move"/>, for a caller that runs it at once (<see cref="Simulation.Call"/>): a move of one transfer is that transfer's body itself, not an iterator around it.</summary>
    public IEnumerable<Event> MoveNow(TileEntry entry, int target, int[] children, long bytes, bool drain, ActivityLabel label, bool counted = true)
    {
        var t = entry.TargetLevelId;
        var c = entry.ChildLevelId;
        if (t == c || (drain && entry.ReadModifyWrite))
        {
            return MoveSteps(entry, target, children, bytes, drain, label, counted);
        }

        var mesh = run.Machine.ChildMesh(t, target, c);
        if (!Together(mesh, children, drain) || (!drain && mesh is { Attachments.Count: > 1 } && GroupsOf(mesh, children) is { Length: > 1 }))
        {
            return MoveSteps(entry, target, children, bytes, drain, label, counted);
        }

        return Transfer(entry, target, children, bytes, drain, label, counted);
    }

    /// <summary>The read-only list of child <paramref name="child"/> alone (made once per child), for moves to or from one child.</summary>
    public int[] Single(int child)
    {
        if (_singles.Length <= child)
        {
            Array.Resize(ref _singles, Math.Max(child + 1, 2 * _singles.Length));
        }

        return _singles[child] ??= [child];
    }

    /// <summary>True when the children are served by one transfer: one child, or a mesh that multicasts (or reduces, for a drain).</summary>
    private static bool Together(MeshNoc? mesh, int[] children, bool drain) =>
        children.Length == 1 || (mesh is not null && (drain ? mesh.Parameters.ReductionSupport : mesh.Parameters.BroadcastSupport));

    /// <summary>The one transfer of a move to or from children served together (counting its traffic unless <paramref name="counted"/> is false).</summary>
    private IEnumerable<Event> Transfer(TileEntry entry, int target, int[] children, long bytes, bool drain, ActivityLabel label, bool counted)
    {
        var sim = run.Sim;
        var machine = run.Machine;
        var t = entry.TargetLevelId;
        var c = entry.ChildLevelId;
        if (counted)
        {
            run.Traffic.Add(t, c, entry.TensorId, bytes * children.Length, drain);
        }

        var mesh = machine.ChildMesh(t, target, c);
        var router = machine.NetworkPortBandwidth(t, c);
        var requester = machine.RefOf(c, children[0]);
        var uses = Uses(t, target, c, children, bytes, drain, router);
        var leg = Leg(mesh, children, drain);
        return run.Options.Transfers == TransferMode.Pipelined
            ? PipelinedTransfer.Run(sim, requester, label, uses, leg, machine.Staging(t, mesh), bytes, _spares)
            : DataTransfer.Run(sim, requester, label, uses.ToArray(), leg, bytes);
    }

    // One-chunk transfer bodies recycled across this run's moves.
    private readonly TransferSpares _spares = new();

    // Scratch for Uses (which runs to completion without yielding): the children's port holds before they are joined.
    private PortUses[] _childUses = [];

    // Scratch for Uses: the port holds of the move being started (the transfer copies what it keeps).
    private PortUse[] _uses = [];

    // The mesh legs of one-child moves, by mesh (its reference), then child and direction (2 x child + 1 for a drain).
    private readonly Dictionary<MeshNoc, NetworkLeg?[]> _singleLegs = new(ReferenceEqualityComparer.Instance);

    /// <summary>The port holds of one move: the target's side (several when a DRAM request spans channels), then each child's, in scratch valid until the next move starts.</summary>
    private ReadOnlySpan<PortUse> Uses(int t, int target, int c, int[] children, long bytes, bool drain, long router)
    {
        var targetUses = ports.TargetUses(t, target, c, bytes, read: !drain, router);
        var count = targetUses.Count;
        if (_childUses.Length < children.Length)
        {
            _childUses = new PortUses[children.Length];
        }

        var childUses = _childUses;
        for (var k = 0; k < children.Length; k++)
        {
            childUses[k] = ports.ChildUses(t, target, c, children[k], bytes, drain, router);
            count += childUses[k].Count;
        }

        if (_uses.Length < count)
        {
            _uses = new PortUse[Math.Max(count, 2 * _uses.Length)];
        }

        var uses = _uses;
        var at = targetUses.CopyTo(uses, 0);
        for (var k = 0; k < children.Length; k++)
        {
            at = childUses[k].CopyTo(uses, at);
        }

        Array.Clear(childUses, 0, children.Length);
        return uses.AsSpan(0, count);
    }

    /// <summary>The mesh leg of a move: from the parent's attachment nearest the first child to the children's routers (a multicast), or from one child back to its nearest attachment; null without a mesh.</summary>
    private NetworkLeg? Leg(MeshNoc? mesh, int[] children, bool drain)
    {
        if (mesh is null)
        {
            return null;
        }

        // A leg to or from one child depends on nothing else and is read only: built once per mesh, child and direction.
        if (children.Length == 1)
        {
            var at = (2 * children[0]) + (drain ? 1 : 0);
            if (!_singleLegs.TryGetValue(mesh, out var legs) || legs.Length <= at)
            {
                Array.Resize(ref legs, Math.Max(at + 1, 2 * (legs?.Length ?? 0)));
                _singleLegs[mesh] = legs;
            }

            return legs[at] ??= BuildLeg(mesh, children, drain);
        }

        return BuildLeg(mesh, children, drain);
    }

    private static NetworkLeg BuildLeg(MeshNoc mesh, int[] children, bool drain)
    {
        var nodes = new MeshNode[children.Length];
        for (var k = 0; k < children.Length; k++)
        {
            nodes[k] = RouterOf(mesh, children[k]);
        }

        var attachment = mesh.NearestAttachment(nodes[0]);
        return drain && children.Length == 1
            ? new NetworkLeg(mesh, nodes[0], [attachment], false)
            : new NetworkLeg(mesh, attachment, nodes, true);
    }

    // The children of a multicast grouped by attachment, by mesh and children (the groups are read only).
    private readonly Dictionary<MeshNoc, Dictionary<int[], int[][]>> _groups = new(ReferenceEqualityComparer.Instance);

    /// <summary>The children grouped by their nearest attachment (<see cref="Groups"/>), worked out once per mesh and set of children.</summary>
    private int[][] GroupsOf(MeshNoc mesh, int[] children)
    {
        if (!_groups.TryGetValue(mesh, out var byChildren))
        {
            byChildren = new Dictionary<int[], int[][]>(IntArrayContent.Instance);
            _groups.Add(mesh, byChildren);
        }

        if (!byChildren.TryGetValue(children, out var groups))
        {
            groups = [.. Groups(mesh, children)];
            byChildren.Add((int[])children.Clone(), groups);
        }

        return groups;
    }

    /// <summary>The children grouped by their nearest attachment, in the order of the attachments' first child.</summary>
    private static List<int[]> Groups(MeshNoc mesh, int[] children)
    {
        var groups = new List<(MeshNode Attachment, List<int> Children)>();
        foreach (var child in children)
        {
            var attachment = mesh.NearestAttachment(RouterOf(mesh, child));
            var group = groups.FindIndex(g => g.Attachment == attachment);
            if (group < 0)
            {
                groups.Add((attachment, [child]));
            }
            else
            {
                groups[group].Children.Add(child);
            }
        }

        return [.. groups.Select(g => g.Children.ToArray())];
    }

    private static MeshNode RouterOf(MeshNoc mesh, int child) => mesh.NodeOf((child - mesh.FirstInstance) % mesh.Parameters.Nodes);
}
