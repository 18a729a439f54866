using System.Globalization;
using Comet.Hardware.Components;
using Comet.Hardware.Energy;
using Comet.Sim;

namespace Comet.Hardware.Micro;

/// <summary>The network's micro cases: each mesh mechanism alone on an idle mesh against its closed form, and the contention cases that must take longer than theirs.</summary>
/// <remarks>
/// The mesh is the cloud example's GBuffer mesh: 4×4, hop 5 cycles, 2048-bit channels every 2 cycles (128 B/cycle),
/// ports of 256 B/cycle, 1 KiB packets; every transfer moves 64 KiB. H hops idle cost H·h + ⌈B/r⌉ cut-through and
/// H·(h + B/r) store-and-forward.
/// </remarks>
public static class NetworkMicroCases
{
    /// <summary>Bytes of every transfer.</summary>
    public const long TransferBytes = 65536;

    /// <summary>The mesh the cases run on (cut-through).</summary>
    public static MeshParameters Mesh { get; } = new("GB.noc", "GB", 4, 4, HopLatencyCycles: 5, ChannelWidthBits: 2048, QueuingDelay: 2, PortBytesPerCycle: 256, BroadcastSupport: true, Switching: MeshSwitching.CutThrough, PacketBytes: 1024);

    /// <summary>Runs every network micro case.</summary>
    public static IReadOnlyList<MicroCase> All()
    {
        var h = Mesh.HopLatencyCycles;
        var serialization = Mesh.LinkCycles(0, TransferBytes);
        var rate = Mesh.ChannelWidthBits / 8 / Mesh.QueuingDelay;
        var all = Enumerable.Range(0, Mesh.Nodes).Select(i => new MeshNode(i % Mesh.X, i / Mesh.X)).ToArray();
        MeshNode origin = new(0, 0);
        return
        [
            Case("mesh-unicast-3-hops", $"H·h + ⌈B/r⌉ = 3·{h} + ⌈{TransferBytes}/{rate}⌉", 3 * h + serialization, Mesh, (origin, [new(2, 1)])),
            Case("mesh-unicast-3-hops-store-and-forward", $"H·(h + B/r) = 3·({h} + {TransferBytes}/{rate})", Mesh.PathCycles(TransferBytes, 3), Mesh with { Switching = MeshSwitching.StoreAndForward }, (origin, [new(2, 1)])),
            Case("mesh-multicast-16", $"farthest leaf H·h + ⌈B/r⌉ = 6·{h} + ⌈{TransferBytes}/{rate}⌉, each of the tree's 15 links crossed once", 6 * h + serialization, Mesh, (origin, all)),
            Case("contention-two-flows-one-link", $"alone, the farther: 2·{h} + ⌈{TransferBytes}/{rate}⌉", 2 * h + serialization, Mesh, (origin, [new(1, 0)]), (origin, [new(2, 0)])),
            Case("contention-hotspot", $"alone: {h} + ⌈{TransferBytes}/{rate}⌉", h + serialization, Mesh, (new(0, 0), [new(1, 0)]), (new(2, 0), [new(1, 0)]), (new(1, 1), [new(1, 0)])),
            Case("contention-scatter-from-corner", $"the farthest tile alone: 2·{h} + ⌈{TransferBytes}/{rate}⌉", 2 * h + serialization, Mesh with { X = 2, Y = 2 }, (origin, [new(1, 0)]), (origin, [new(0, 1)]), (origin, [new(1, 1)])),
        ];
    }

    /// <summary>Simulates <paramref name="transfers"/> of <see cref="TransferBytes"/> each, all starting at cycle 0, and returns when the last ends.</summary>
    public static long Simulate(MeshParameters mesh, params (MeshNode From, MeshNode[] To)[] transfers)
    {
        var sim = new Simulation();
        var noc = new MeshNoc(sim, mesh, new EnergyLedger());
        foreach (var (from, to) in transfers)
        {
            sim.Process(noc.Send(sim, new ComponentRef(mesh.NodeName, 0), ActivityLabel.None, from, to, TransferBytes), "transfer");
        }

        sim.Run();
        return sim.Now;
    }

    private static MicroCase Case(string name, FormattableString formula, long expected, MeshParameters mesh, params (MeshNode From, MeshNode[] To)[] transfers) =>
        new(name, formula.ToString(CultureInfo.InvariantCulture), expected, Simulate(mesh, transfers));
}
