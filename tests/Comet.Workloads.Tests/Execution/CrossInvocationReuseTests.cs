using Comet.Sim;
using Comet.Workloads.Execution;
using NUnit.Framework;

namespace Comet.Workloads.Tests.Execution;

/// <summary>Tiles that stay (issue 12 item 2): a tile an invocation leaves in a buffer serves the next invocation that reads the same parent tile, and the bytes moved per level and tensor say so.</summary>
public class CrossInvocationReuseTests
{
    private const long BTilePerWBuffer = 256 * 1024;

    private static SimulationResult Run(string name, TileReuse reuse, InstanceSync instances = InstanceSync.Free) =>
        new DataflowExecutor(CaseFiles.Load(name), new Simulation(), ExecutionOptions.Default with { Reuse = reuse, Instances = instances }).Run();

    private static long BytesIn(SimulationResult r, string level, string tensor) =>
        r.Traffic!.Where(t => t.Level == level && t.Tensor == tensor).Sum(t => t.BytesIn);

    [TestCase(InstanceSync.Free)]
    [TestCase(InstanceSync.Lockstep)]
    public void ExBase_BStaysInTheWBuffers_AcrossTheDramIterations(InstanceSync instances)
    {
        // ex_base: B (K×N = 4 MiB at 8 bits) is scattered DRAM → 4 GBuffers once (1 MiB each: B does not change along
        // node 0's M loop). Node 2, once per DRAM iteration (4) on each GBuffer, scatters its 1 MiB to its 4 WBuffers:
        // 256 KiB each, one tile per invocation (B does not change along node 2's M loop either).
        // Without reuse every invocation moves it again: 4 iterations × 16 WBuffers × 256 KiB = 16 MiB.
        // With reuse only the first does: 16 × 256 KiB = 4 MiB; A (new every M step) moves the same 16 MiB either way.
        var none = Run("ex_base", TileReuse.None, instances);
        var reuse = Run("ex_base", TileReuse.CrossInvocation, instances);
        Assert.That(BytesIn(none, "GBuffer", "B"), Is.EqualTo(4L * 1024 * 1024));
        Assert.That(BytesIn(none, "WBuffer", "B"), Is.EqualTo(4 * 16 * BTilePerWBuffer));
        Assert.That(BytesIn(reuse, "WBuffer", "B"), Is.EqualTo(16 * BTilePerWBuffer));
        Assert.That(BytesIn(reuse, "IBuffer", "A"), Is.EqualTo(BytesIn(none, "IBuffer", "A")));
        Assert.That(BytesIn(reuse, "GBuffer", "B"), Is.EqualTo(BytesIn(none, "GBuffer", "B")));

        // The engines still read B from the WBuffers every tile step: reuse removes parent → buffer moves, not compute reads.
        Assert.That(BytesIn(reuse, "macengine", "B"), Is.EqualTo(BytesIn(none, "macengine", "B")));

        // Conservation: what the fills wrote into the WBuffers is what the WBuffers counted as written.
        foreach (var r in new[] { none, reuse })
        {
            Assert.That(r.Levels.Single(l => l.Level == "WBuffer").BytesWritten, Is.EqualTo(BytesIn(r, "WBuffer", "B")));
        }

        // Three of four B scatters into the WBuffers (each link-bound on the 2 B/cycle WBuffer mesh) are gone.
        Assert.That(reuse.SimulatedCycles, Is.LessThan(none.SimulatedCycles));
    }

    [Test]
    public void GemmOnly_OnlyTheTilesOfAnUnchangedParentTileStay()
    {
        // gemm_only has ex_base's B scatter without the softmax: the same three quarters of its WBuffer B traffic go.
        var none = Run("gemm_only", TileReuse.None);
        var reuse = Run("gemm_only", TileReuse.CrossInvocation);
        Assert.That(BytesIn(reuse, "WBuffer", "B") * 4, Is.EqualTo(BytesIn(none, "WBuffer", "B")));
        Assert.That(none.Traffic!.Where(t => t.Tensor != "B" || t.Level != "WBuffer"), Is.EqualTo(reuse.Traffic!.Where(t => t.Tensor != "B" || t.Level != "WBuffer")));
    }
}
