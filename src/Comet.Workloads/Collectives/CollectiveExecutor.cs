using Comet.Hardware.Components;
using Comet.Sim;

namespace Comet.Workloads.Collectives;

/// <summary>Runs a collective schedule on the participants' meshes: per phase, the buffers' link ports stream together, the flows cross the mesh together, then reductions run.</summary>
public static class CollectiveExecutor
{
    /// <summary>A process executing <paramref name="schedule"/> among <paramref name="buffers"/> (participant i at mesh node i).</summary>
    /// <param name="sim">The simulation.</param>
    /// <param name="schedule">The phases.</param>
    /// <param name="buffers">Participant buffers, indexed by local node.</param>
    /// <param name="mesh">The link mesh, or null when the participants are not on one (ports only).</param>
    /// <param name="label">Trace label.</param>
    /// <param name="reduceOp">SIMD operation of reductions.</param>
    /// <param name="simdOf">The SIMD unit that reduces at a node, or null when none (the combine is then free in the port).</param>
    public static IEnumerable<Event> Run(Simulation sim, CollectiveSchedule schedule, IReadOnlyList<SramBuffer> buffers, MeshNoc? mesh, ActivityLabel label, SimdOperation reduceOp, Func<int, SimdUnit?> simdOf) =>
        Run(sim, schedule, buffers, [.. Enumerable.Range(0, buffers.Count)], CollectiveFabric.OneMesh(mesh), label, reduceOp, simdOf);

    /// <summary>A process executing <paramref name="schedule"/> among <paramref name="buffers"/>, participant i being instance <paramref name="instances"/>[i] of the <paramref name="fabric"/>.</summary>
    /// <param name="sim">The simulation.</param>
    /// <param name="schedule">The phases.</param>
    /// <param name="buffers">Participant buffers, indexed by participant.</param>
    /// <param name="instances">Each participant's instance number at its level (where it sits in the fabric).</param>
    /// <param name="fabric">The meshes the flows cross (within one parent, or up, across and down between parents).</param>
    /// <param name="label">Trace label.</param>
    /// <param name="reduceOp">SIMD operation of reductions.</param>
    /// <param name="simdOf">The SIMD unit that reduces at a participant, or null when none (the combine is then free in the port).</param>
    public static IEnumerable<Event> Run(Simulation sim, CollectiveSchedule schedule, IReadOnlyList<SramBuffer> buffers, IReadOnlyList<int> instances, CollectiveFabric fabric, ActivityLabel label, SimdOperation reduceOp, Func<int, SimdUnit?> simdOf)
    {
        foreach (var phase in schedule.Phases)
        {
            // An array, not a list: the transfer takes it as it is (it would copy a list).
            var uses = new PortUse[phase.Ports.Count];
            for (var u = 0; u < uses.Length; u++)
            {
                var hold = phase.Ports[u];
                var buffer = buffers[hold.Node];
                var side = hold.Write ? BufferSide.LinkWrite : BufferSide.LinkRead;
                uses[u] = buffer.Use(side, hold.Bytes, PortBandwidth(buffer, hold, fabric.MeshOf(instances[hold.Node])));
            }

            foreach (var ev in DataTransfer.Run(sim, buffers[0].Ref, label, uses, null))
            {
                yield return ev;
            }

            if (phase.Flows.Count > 0)
            {
                var flows = new List<Event>(phase.Flows.Count);
                foreach (var flow in phase.Flows)
                {
                    // A loop, not a LINQ projection: no closure over the instances and no iterator per flow.
                    var to = new int[flow.To.Count];
                    for (var k = 0; k < to.Length; k++)
                    {
                        to[k] = instances[flow.To[k]];
                    }

                    flows.Add(sim.Process(fabric.Send(sim, buffers[flow.From].Ref, label, instances[flow.From], to, flow.Bytes, flow.Multicast), "collective flow"));
                }

                yield return sim.AllOf(flows);
            }

            var work = new List<Event>(phase.Reductions.Count);
            foreach (var r in phase.Reductions)
            {
                if (simdOf(r.Node) is { } simd)
                {
                    work.Add(sim.Process(simd.Execute(sim, label, reduceOp, r.Elements), "collective reduce"));
                }
            }

            if (work.Count > 0)
            {
                yield return sim.AllOf(work);
            }
        }
    }

    /// <summary>Bytes per cycle of <paramref name="hold"/>'s link port on <paramref name="buffer"/>: the port's bandwidth, capped by the router ports feeding it on <paramref name="mesh"/>, and by the buffer's child-write bandwidth when several router ports drain into it at once.</summary>
    public static long PortBandwidth(SramBuffer buffer, CollectivePortHold hold, MeshNoc? mesh)
    {
        var bw = buffer.Bandwidth(hold.Write ? BufferSide.LinkWrite : BufferSide.LinkRead);
        var meshBw = mesh?.Parameters.PortBytesPerCycle ?? 0;
        if (meshBw > 0)
        {
            bw = Math.Min(bw, meshBw * hold.MeshPorts);
        }

        // A node draining several router ports at once writes no faster than the buffer accepts (child_write).
        if (hold.Write && hold.MeshPorts > 1 && buffer.Bandwidth(BufferSide.ChildWrite) > 0)
        {
            bw = Math.Min(bw, buffer.Bandwidth(BufferSide.ChildWrite));
        }

        return Math.Max(1, bw);
    }
}
