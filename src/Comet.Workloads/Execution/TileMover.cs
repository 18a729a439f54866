using Comet.Hardware.Components;
using Comet.Sim;
using Comet.Workloads.Inputs;

namespace Comet.Workloads.Execution;

/// <summary>Moves one tile between a target memory and its child instances: pipelined in chunks through both sides' ports and the mesh leg (a multicast, a reduction or unicast copies), or serially (ports held together, then the mesh).</summary>
internal sealed class TileMover(RunContext run, PortRouting ports)
{
    /// <summary>The ports a move holds.</summary>
    public PortRouting Ports => ports;

    /// <summary>Moves one tile between instance <paramref name="target"/> of the entry's target and the child instances <paramref name="children"/> (replicas of the same tile); <paramref name="counted"/> false when the caller counts the traffic itself.</summary>
    public IEnumerable<Event> Move(TileEntry entry, int target, int[] children, long bytes, bool drain, ActivityLabel label, bool counted = true)
    {
        if (entry.TargetLevelId == entry.ChildLevelId)
        {
            // A loop over tiles already in this memory (a query-block loop around a K/V loop, both at GB): nothing moves.
            yield break;
        }

        var sim = run.Sim;
        var machine = run.Machine;
        var t = entry.TargetLevelId;
        var c = entry.ChildLevelId;
        var mesh = machine.ChildMesh(t, target, c);
        var router = machine.NetworkPortBandwidth(t, c);
        var requester = machine.RefOf(c, children[0]);
        var together = children.Length == 1 || (mesh is not null && (drain ? mesh.Parameters.ReductionSupport : mesh.Parameters.BroadcastSupport));
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
                procs[k] = sim.Process(Move(entry, target, [children[k]], bytes, drain, label, counted), "copy");
            }

            yield return sim.AllOf(procs);
            yield break;
        }

        if (counted)
        {
            run.Traffic.Add(t, c, entry.TensorId, bytes * children.Length, drain);
        }

        if (drain && entry.ReadModifyWrite)
        {
            // Read-modify-write: the old partial sum is read at the target before the new one is written.
            var old = ports.TargetUses(t, target, c, bytes, read: true, router);
            var reads = new PortUse[old.Count];
            old.CopyTo(reads, 0);
            yield return sim.Call(DataTransfer.Run(sim, requester, label, reads, null));
        }

        var uses = Uses(t, target, c, children, bytes, drain, router);
        var leg = Leg(mesh, children, drain);
        var move = run.Options.Transfers == TransferMode.Pipelined
            ? PipelinedTransfer.Run(sim, requester, label, uses, leg, machine.Staging(t, mesh), bytes)
            : DataTransfer.Run(sim, requester, label, uses, leg, bytes);
        yield return sim.Call(move);
    }

    // Scratch for Uses (which runs to completion without yielding): the children's port holds before they are joined.
    private PortUses[] _childUses = [];

    // The mesh legs of one-child moves, by mesh (its reference), then child and direction (2 x child + 1 for a drain).
    private readonly Dictionary<MeshNoc, NetworkLeg?[]> _singleLegs = new(ReferenceEqualityComparer.Instance);

    /// <summary>The port holds of one move: the target's side (several when a DRAM request spans channels), then each child's, sized up front.</summary>
    private PortUse[] Uses(int t, int target, int c, int[] children, long bytes, bool drain, long router)
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

        var uses = new PortUse[count];
        var at = targetUses.CopyTo(uses, 0);
        for (var k = 0; k < children.Length; k++)
        {
            at = childUses[k].CopyTo(uses, at);
        }

        Array.Clear(childUses, 0, children.Length);
        return uses;
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
