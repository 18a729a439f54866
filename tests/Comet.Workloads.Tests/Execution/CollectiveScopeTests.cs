using Comet.Hardware.Components;
using Comet.Hardware.Energy;
using Comet.Sim;
using Comet.Workloads.Collectives;
using Comet.Workloads.Execution;
using Comet.Workloads.Inputs;
using NUnit.Framework;

namespace Comet.Workloads.Tests.Execution;

/// <summary>A collective's participants are the instances its <c>src</c>/<c>dest</c> levels name; between parents its data climbs, crosses the parents' mesh and descends.</summary>
public class CollectiveScopeTests
{
    [Test]
    public void Fabric_UnicastBetweenParents_GoesUpAcrossAndDown()
    {
        // Two parents on a 2×1 mesh, each with a 2×2 mesh of children (hop 5, q 2, W 32: 512 B take 5 + 512·8·2/32 =
        // 261 cycles a hop). Child 3 (router (1,1) under parent 0) to child 7 (router (1,1) under parent 1): up 2 hops to
        // (0,0), across 1 hop from parent 0 to parent 1, down 2 hops: 5 hops, 5 · 261 = 1305 cycles, one packet per link.
        var sim = new Simulation();
        var ledger = new EnergyLedger();
        var children = new[]
        {
            new MeshNoc(sim, new MeshParameters("OB.link", "OB", 2, 2, 5, 32, 2, 128), ledger, 0, 0),
            new MeshNoc(sim, new MeshParameters("OB.link", "OB", 2, 2, 5, 32, 2, 128), ledger, 1, 4),
        };
        var parents = new MeshNoc(sim, new MeshParameters("GB.link", "GB", 2, 1, 5, 32, 2, 64), ledger);
        var fabric = new CollectiveFabric([4, 2], (k, parent) => k == 0 ? children[parent] : parents);

        sim.Process(fabric.Send(sim, new ComponentRef("OB", 3), ActivityLabel.None, 3, [7], 512, false), "flow");
        sim.Run();

        Assert.That(sim.Now, Is.EqualTo(5 * 261));
        Assert.That(children[0].ByteHops, Is.EqualTo(2 * 512));
        Assert.That(parents.ByteHops, Is.EqualTo(512));
        Assert.That(children[1].ByteHops, Is.EqualTo(2 * 512));
    }

    [Test]
    public void Fabric_MulticastToAnotherParent_ClimbsAndCrossesOnce()
    {
        // From child 0 (router (0,0) of parent 0, already at the attachment) to children 4..7 of parent 1 as one tree:
        // 0 hops up, 1 across, then the 2×2 tree below parent 1 (farthest leaf 2 hops): 3 · 261 cycles; the tree below
        // crosses 3 links.
        var sim = new Simulation();
        var ledger = new EnergyLedger();
        var children = new[]
        {
            new MeshNoc(sim, new MeshParameters("OB.link", "OB", 2, 2, 5, 32, 2, 128, true), ledger, 0, 0),
            new MeshNoc(sim, new MeshParameters("OB.link", "OB", 2, 2, 5, 32, 2, 128, true), ledger, 1, 4),
        };
        var parents = new MeshNoc(sim, new MeshParameters("GB.link", "GB", 2, 1, 5, 32, 2, 64, true), ledger);
        var fabric = new CollectiveFabric([4, 2], (k, parent) => k == 0 ? children[parent] : parents);

        sim.Process(fabric.Send(sim, new ComponentRef("OB", 0), ActivityLabel.None, 0, [4, 5, 6, 7], 512, true), "flow");
        sim.Run();

        Assert.That(sim.Now, Is.EqualTo(3 * 261));
        Assert.That(children[0].ByteHops, Is.EqualTo(0));
        Assert.That(parents.ByteHops, Is.EqualTo(512));
        Assert.That(children[1].ByteHops, Is.EqualTo(3 * 512));
    }

    [Test]
    public void GatherFromOBuffersUnderSixteenGBuffers_CrossesTheGBufferMesh()
    {
        // ex_base's architecture with its GBuffer level on a 4×4 mesh, the DRAM-level spatial factor 4×4 (one
        // GBuffer per N slice) and no split below the GBuffer: each GBuffer uses one OBuffer (its router (0,0)).
        // The gather names src [GBuffer, OBuffer], so its participants are those 16 OBuffers, one per GBuffer
        // (it used to be one participant per parent: 0 cycles).
        var lockstep = ExecutionOptions.Default with { Instances = InstanceSync.Lockstep };
        var result = new DataflowExecutor(Inputs(), new Simulation(), lockstep with { Network = MeshSwitching.StoreAndForward }).Run();
        var gather = result.Nodes.Single(n => n.Kind == "collective");

        // 512 arrivals (16 GBuffers × 32 iterations) make 32 gathers of 16 tiles of 8·64 = 512 B (C at 8 bits).
        Assert.That(gather.Invocations, Is.EqualTo(512));

        // Each gather: the root OBuffer writes 15·512 B at 128 B/cycle (60 cycles), then the 15 tiles cross the
        // GBuffer link mesh (hop 5, q 2, W 32: 5 + 512·8·2/32 = 261 cycles a hop) to GBuffer 0 at router (0,0). XY
        // routing brings the 12 tiles of GBuffer rows 1–3 into it over the one link from (0,1), back to back:
        // 60 + 12 · 261 = 3192 cycles; nobody waits for a peer (the GBuffers run in lockstep).
        Assert.That(gather.MeanCycles, Is.EqualTo(60 + (12 * 261)));

        // Cut-through (the default), each tile is one 512-byte packet streaming 256 cycles a link: the 12 stream back to
        // back through the last link and the last lands one hop latency after its stream ends: 60 + 12 · 256 + 5.
        var cutThrough = new DataflowExecutor(Inputs(), new Simulation(), lockstep).Run();
        Assert.That(cutThrough.Nodes.Single(n => n.Kind == "collective").MeanCycles, Is.EqualTo(60 + (12 * 256) + 5));

        // With free instances (the default) the GBuffers reach the gather at different cycles and the early ones wait
        // for their peers; the schedule itself, each participant's stay less its wait, is the same 3197 cycles.
        var free = new DataflowExecutor(Inputs(), new Simulation()).Run().Nodes.Single(n => n.Kind == "collective");
        Assert.That(free.StallCycles, Is.GreaterThan(0));
        Assert.That((free.TotalCycles - free.StallCycles) / (double)free.Invocations, Is.EqualTo(60 + (12 * 256) + 5));

        // The GBuffer mesh carries every tile its Manhattan distance to (0,0): Σ over the 4×4 routers of x + y = 48 hops
        // of 512 B per gather, 32 gathers. The OBuffer meshes carry nothing (every participant sits at its attachment).
        Assert.That(result.Units["GBuffer.link/link"], Is.EqualTo(48L * 512 * 32));
        Assert.That(result.Units.GetValueOrDefault("OBuffer.link/link"), Is.EqualTo(0));
    }

    private static CometInputSet Inputs()
    {
        var folder = CaseFiles.Folder("ex_base") ?? throw new InconclusiveException("ex_base is not on this machine");
        var arch = File.ReadAllText(Path.Combine(folder, "arch.yaml")).ReplaceLineEndings("\n");
        const string gb = "      - name: GBuffer[0..3]\n        type: GBuffer\n        attributes:\n          meshX: 2\n          meshY: 2";
        Assert.That(arch, Does.Contain(gb));
        arch = arch.Replace(gb, "      - name: GBuffer[0..15]\n        type: GBuffer\n        attributes:\n          meshX: 4\n          meshY: 4", StringComparison.Ordinal);
        var constants = File.ReadAllText(Path.Combine(folder, "const.yaml"))
            .Replace("N_DRAM_X: 2", "N_DRAM_X: 4", StringComparison.Ordinal)
            .Replace("N_DRAM_Y: 2", "N_DRAM_Y: 4", StringComparison.Ordinal)
            .Replace("N_gbuffer_X: 2", "N_gbuffer_X: 1", StringComparison.Ordinal)
            .Replace("N_gbuffer_Y: 2", "N_gbuffer_Y: 1", StringComparison.Ordinal);
        return CometInputLoader.Parse(
            arch,
            File.ReadAllText(Path.Combine(folder, "problem.yaml")),
            File.ReadAllText(Path.Combine(folder, "mapping.yaml")),
            constants);
    }
}
