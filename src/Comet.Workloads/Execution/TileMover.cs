using Comet.Hardware.Components;
using Comet.Sim;
using Comet.Workloads.Inputs;

namespace Comet.Workloads.Execution;

/// <summary>Moves one tile between a target memory and its child instances: the ports of both sides held together, then the mesh leg (a multicast, a reduction or unicast copies).</summary>
internal sealed class TileMover(RunContext run, PortRouting ports)
{
    /// <summary>The ports a move holds.</summary>
    public PortRouting Ports => ports;

    /// <summary>Moves one tile between instance <paramref name="target"/> of the entry's target and the child instances <paramref name="children"/> (replicas of the same tile); <paramref name="counted"/> false when the caller counts the traffic itself.</summary>
    public IEnumerable<Event> Move(TileEntry entry, int target, int[] children, long bytes, bool drain, ActivityLabel label, bool counted = true)
    {
        var sim = run.Sim;
        var machine = run.Machine;
        var t = entry.TargetLevelId;
        var c = entry.ChildLevelId;
        var mesh = machine.ChildMesh(t, target, c);
        var router = machine.NetworkPortBandwidth(t, c);
        var requester = machine.RefOf(c, children[0]);
        var together = children.Length == 1 || (mesh is not null && (drain ? mesh.Parameters.ReductionSupport : mesh.Parameters.BroadcastSupport));
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
            foreach (var ev in DataTransfer.Run(sim, requester, label, reads, null))
            {
                yield return ev;
            }
        }

        foreach (var ev in DataTransfer.Run(sim, requester, label, Uses(t, target, c, children, bytes, drain, router), Leg(mesh, children, drain), bytes))
        {
            yield return ev;
        }
    }

    /// <summary>The port holds of one move: the target's side (several when a DRAM request spans channels), then each child's, sized up front.</summary>
    private PortUse[] Uses(int t, int target, int c, int[] children, long bytes, bool drain, long router)
    {
        var targetUses = ports.TargetUses(t, target, c, bytes, read: !drain, router);
        var count = targetUses.Count;
        var childUses = new PortUses[children.Length];
        for (var k = 0; k < children.Length; k++)
        {
            childUses[k] = ports.ChildUses(t, target, c, children[k], bytes, drain, router);
            count += childUses[k].Count;
        }

        var uses = new PortUse[count];
        var at = targetUses.CopyTo(uses, 0);
        foreach (var child in childUses)
        {
            at = child.CopyTo(uses, at);
        }

        return uses;
    }

    /// <summary>The mesh leg of a move: from router (0,0), where the parent attaches, to the children's routers (a multicast), or from one child back to (0,0); null without a mesh.</summary>
    private static NetworkLeg? Leg(MeshNoc? mesh, int[] children, bool drain)
    {
        if (mesh is null)
        {
            return null;
        }

        var nodes = new MeshNode[children.Length];
        for (var k = 0; k < children.Length; k++)
        {
            nodes[k] = mesh.NodeOf((children[k] - mesh.FirstInstance) % mesh.Parameters.Nodes);
        }

        return drain && children.Length == 1
            ? new NetworkLeg(mesh, nodes[0], [new MeshNode(0, 0)], false)
            : new NetworkLeg(mesh, new MeshNode(0, 0), nodes, true);
    }
}
