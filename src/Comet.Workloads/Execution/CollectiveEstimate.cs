using Comet.Hardware.Components;
using Comet.Hardware.Machines;
using Comet.Workloads.Collectives;

namespace Comet.Workloads.Execution;

/// <summary>The cost the automatic rule weighs for one candidate schedule among given participants: <see cref="CollectiveIdleCost"/> with this machine's ports, meshes and SIMD units.</summary>
/// <param name="Machine">The machine.</param>
/// <param name="Fabric">The meshes the participants' flows cross.</param>
/// <param name="Level">The participants' level.</param>
/// <param name="Participants">Participant i's instance at <paramref name="Level"/>.</param>
/// <param name="Buffers">Participant i's buffer.</param>
/// <param name="Combine">The SIMD operation of combines.</param>
internal sealed record CollectiveEstimate(Machine Machine, CollectiveFabric Fabric, int Level, int[] Participants, SramBuffer[] Buffers, SimdOperation Combine)
{
    /// <summary>Σ_phases (longest port hold ⌈bytes ÷ port bw⌉ + network + longest combine) of <paramref name="schedule"/>.</summary>
    public long Cycles(CollectiveSchedule schedule) => CollectiveIdleCost.Of(
        schedule,
        h => Comet.Hardware.Components.Cycles.CeilDiv(h.Bytes, CollectiveExecutor.PortBandwidth(Buffers[h.Node], h, Fabric.MeshOf(Participants[h.Node]))),
        Network,
        r => Machine.SimdBelow(Level, Participants[r.Node])?.OperationCycles(Combine, r.Elements) ?? 0);

    /// <summary>A phase's network time: its longest flow alone, or the serialization of its busiest link when its flows share links (the bandwidth term of the link they queue on).</summary>
    private long Network(CollectivePhase phase)
    {
        long longest = 0;
        var loads = new Dictionary<(MeshNoc Mesh, int Link), long>();
        foreach (var f in phase.Flows)
        {
            foreach (var t in f.To)
            {
                longest = Math.Max(longest, FlowCycles(Participants[f.From], Participants[t], f.Bytes));
            }

            Fabric.AddLoads(Participants[f.From], [.. f.To.Select(t => Participants[t])], f.Bytes, f.Multicast, loads);
        }

        foreach (var ((mesh, _), bytes) in loads)
        {
            longest = Math.Max(longest, mesh.Parameters.LinkCycles(0, bytes));
        }

        return longest;
    }

    /// <summary>Cycles of <paramref name="bytes"/> alone from instance <paramref name="from"/> to <paramref name="to"/>: H·h + ⌈bytes ÷ link rate⌉ cut-through, H·(h + bytes ÷ link rate) store-and-forward, on the sender's mesh.</summary>
    private long FlowCycles(int from, int to, long bytes)
    {
        var hops = Fabric.Hops(from, to);
        if (hops == 0 || Fabric.MeshOf(from) is not { } mesh)
        {
            return 0;
        }

        var p = mesh.Parameters;
        return p.Switching == MeshSwitching.CutThrough ? (hops * p.HopLatencyCycles) + p.LinkCycles(0, bytes) : p.PathCycles(bytes, hops);
    }
}
