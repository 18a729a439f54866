using System.Globalization;
using Comet.Hardware.Components;
using Comet.Hardware.Energy;
using Comet.Sim;

namespace Comet.Hardware.Micro;

/// <summary>The pipelined transfer's micro cases: one DMA move on an idle machine against H·h + Σ t_s + (N − 1)·max t_s, with the port or the link as the bottleneck, over a mesh and without one.</summary>
/// <remarks>
/// Every move is 64 KiB in 1 KiB chunks (N = 64), staged two deep. The mesh is <see cref="NetworkMicroCases.Mesh"/>
/// (links 128 B/cycle: 8 cycles a chunk; ejection ports 256 B/cycle: 4); the destination router is 3 hops away (h = 5).
/// The GBuffer writes at 256 B/cycle (4 cycles a chunk). Without a mesh, a GBuffer reading at 64 B/cycle feeds an
/// input buffer writing at 32 B/cycle.
/// </remarks>
public static class TransferMicroCases
{
    /// <summary>Bytes of every move.</summary>
    public const long TransferBytes = 65536;

    /// <summary>Chunk (the mesh's packet) and staging depth of every move.</summary>
    public static TransferStaging Staging { get; } = new(1024, 2);

    /// <summary>Runs every transfer micro case.</summary>
    public static IReadOnlyList<MicroCase> All()
    {
        var n = TransferBytes / Staging.ChunkBytes;
        var h = NetworkMicroCases.Mesh.HopLatencyCycles;
        return
        [
            // Link-bound: DRAM 256 B/cycle (4 a chunk), link 8, GBuffer write 4.
            Case("pipelined-dram-gb-mesh-link-bound", $"H·h + t_dram + t_link + t_gb + (N−1)·t_link = 3·{h} + 4 + 8 + 4 + {n - 1}·8", (3 * h) + 4 + 8 + 4 + ((n - 1) * 8), DramToGlobalBuffer(256)),

            // Port-bound: DRAM 64 B/cycle (16 a chunk).
            Case("pipelined-dram-gb-mesh-port-bound", $"H·h + t_dram + t_link + t_gb + (N−1)·t_dram = 3·{h} + 16 + 8 + 4 + {n - 1}·16", (3 * h) + 16 + 8 + 4 + ((n - 1) * 16), DramToGlobalBuffer(64)),

            // No mesh: GBuffer read 64 B/cycle (16 a chunk), input buffer write 32 B/cycle (32 a chunk).
            Case("pipelined-gb-ib-direct", $"t_gb + t_ib + (N−1)·t_ib = 16 + 32 + {n - 1}·32", 16 + 32 + ((n - 1) * 32), GlobalBufferToInputBuffer()),

            // The tile lands in the GBuffer over the mesh, then moves on to the input buffer: the two moves one after the other.
            Case("pipelined-dram-gb-ib", $"(3·{h} + 4 + 8 + 4 + {n - 1}·8) + (16 + 32 + {n - 1}·32)", (3 * h) + 4 + 8 + 4 + ((n - 1) * 8) + 16 + 32 + ((n - 1) * 32), DramToGlobalBufferToInputBuffer()),

            // Scatter of 16 tiles from a GBuffer whose ports (64 B/cycle each, the router port) take turns chunk by chunk.
            Case("pipelined-scatter-16-tiles-1-port", $"16·N·t + H·h + max(t_link, t_eject) + t_w = 16·{n}·16 + 6·{h} + 16 + 16 (corner port; last chunk to (3,3))", (16 * n * 16) + (6 * h) + 16 + 16, Scatter(1)),
            Case("pipelined-scatter-16-tiles-4-ports", $"4·N·t + H·h + max(t_link, t_eject) + t_w = 4·{n}·16 + 3·{h} + 16 + 16 (ports on row 0; last chunks to row 3)", (4 * n * 16) + (3 * h) + 16 + 16, Scatter(4)),
        ];
    }

    /// <summary>Simulates one pipelined DRAM → GBuffer move over the mesh to router (2,1), the DRAM reading at <paramref name="dramBytesPerCycle"/>, and returns when it ends.</summary>
    public static long DramToGlobalBuffer(long dramBytesPerCycle)
    {
        var sim = new Simulation();
        var ledger = new EnergyLedger();
        var dram = new Dram(sim, new DramParameters("DRAM", new DramChannelParameters(dramBytesPerCycle)), ledger);
        var gb = new SramBuffer(sim, new BufferParameters("GB", 1 << 20, 1, 1, 256, 256, 256, 256), ledger, 9);
        var mesh = new MeshNoc(sim, NetworkMicroCases.Mesh, ledger);
        PortUse[] uses = [dram.ServeChild(TransferBytes, read: true, 0)[0], gb.ServeParent(dram.Ref, TransferBytes, drain: false, 0)[0]];
        var leg = new NetworkLeg(mesh, new MeshNode(0, 0), [new MeshNode(2, 1)], true);
        sim.Process(PipelinedTransfer.Run(sim, gb.Ref, ActivityLabel.None, uses, leg, Staging, TransferBytes), "move");
        sim.Run();
        return sim.Now;
    }

    /// <summary>Simulates a tile moving DRAM → GBuffer (over the mesh, link-bound) and then GBuffer → input buffer (no mesh), as the executor moves it through the hierarchy, and returns when it lands.</summary>
    public static long DramToGlobalBufferToInputBuffer()
    {
        var sim = new Simulation();
        var ledger = new EnergyLedger();
        var dram = new Dram(sim, new DramParameters("DRAM", new DramChannelParameters(256)), ledger);
        var gb = new SramBuffer(sim, new BufferParameters("GB", 1 << 20, 1, 1, 256, 256, 64, 64), ledger, 9);
        var ib = new SramBuffer(sim, new BufferParameters("IB", 1 << 20, 1, 1, 32, 32, 32, 32), ledger, 0);
        var mesh = new MeshNoc(sim, NetworkMicroCases.Mesh, ledger);
        PortUse[] fill = [dram.ServeChild(TransferBytes, read: true, 0)[0], gb.ServeParent(dram.Ref, TransferBytes, drain: false, 0)[0]];
        PortUse[] onward = [gb.ServeChild(TransferBytes, read: true, 0)[0], ib.ServeParent(gb.Ref, TransferBytes, drain: false, 0)[0]];
        var leg = new NetworkLeg(mesh, new MeshNode(0, 0), [new MeshNode(2, 1)], true);
        sim.Process(Both(), "move");
        sim.Run();
        return sim.Now;

        IEnumerable<Event> Both()
        {
            foreach (var e in PipelinedTransfer.Run(sim, gb.Ref, ActivityLabel.None, fill, leg, Staging, TransferBytes))
            {
                yield return e;
            }

            foreach (var e in PipelinedTransfer.Run(sim, ib.Ref, ActivityLabel.None, onward, null, Staging, TransferBytes))
            {
                yield return e;
            }
        }
    }

    /// <summary>Simulates one pipelined GBuffer → input buffer move with no mesh and returns when it ends.</summary>
    public static long GlobalBufferToInputBuffer()
    {
        var sim = new Simulation();
        var ledger = new EnergyLedger();
        var gb = new SramBuffer(sim, new BufferParameters("GB", 1 << 20, 1, 1, 64, 64, 64, 64), ledger, 0);
        var ib = new SramBuffer(sim, new BufferParameters("IB", 1 << 20, 1, 1, 32, 32, 32, 32), ledger, 0);
        PortUse[] uses = [gb.ServeChild(TransferBytes, read: true, 0)[0], ib.ServeParent(gb.Ref, TransferBytes, drain: false, 0)[0]];
        sim.Process(PipelinedTransfer.Run(sim, ib.Ref, ActivityLabel.None, uses, null, Staging, TransferBytes), "move");
        sim.Run();
        return sim.Now;
    }

    /// <summary>Simulates a GBuffer with <paramref name="ports"/> network ports scattering one <see cref="TransferBytes"/> tile to each router of the 4×4 mesh (ports attached by <see cref="MeshAttachments.Default"/>), and returns when the last lands.</summary>
    /// <remarks>The router port moves 64 B/cycle (16 cycles a chunk), which caps every port and every child's write; the GBuffer reads 256 B/cycle over all its ports.</remarks>
    public static long Scatter(int ports)
    {
        const long RouterPort = 64;
        var sim = new Simulation();
        var ledger = new EnergyLedger();
        var mesh = new MeshNoc(sim, NetworkMicroCases.Mesh with { PortBytesPerCycle = RouterPort, Attachments = MeshAttachments.Default(ports, 4, 4) }, ledger);
        var gb = new SramBuffer(sim, new BufferParameters("GB", 1 << 24, 1, ports, 256, 256, 256, 256), ledger, 0);
        for (var k = 0; k < mesh.Parameters.Nodes; k++)
        {
            var child = new SramBuffer(sim, new BufferParameters("IB", 1 << 20, 1, 1, 256, 256, 256, 256), ledger, k);
            var node = mesh.NodeOf(k);
            PortUse[] uses = [gb.ServeChild(TransferBytes, read: true, RouterPort)[0], child.ServeParent(gb.Ref, TransferBytes, drain: false, RouterPort)[0]];
            var leg = new NetworkLeg(mesh, mesh.NearestAttachment(node), [node], true);
            sim.Process(PipelinedTransfer.Run(sim, child.Ref, ActivityLabel.None, uses, leg, Staging, TransferBytes), "scatter");
        }

        sim.Run();
        return sim.Now;
    }

    private static MicroCase Case(string name, FormattableString formula, long expected, long simulated) =>
        new(name, formula.ToString(CultureInfo.InvariantCulture), expected, simulated);
}
