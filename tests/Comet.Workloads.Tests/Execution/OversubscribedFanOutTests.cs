using Comet.Sim;
using Comet.Workloads.Execution;
using Comet.Workloads.Inputs;
using NUnit.Framework;

namespace Comet.Workloads.Tests.Execution;

/// <summary>A spatial factor larger than the physical instance array: logical instances fold onto the physical ones, which serve them in turn.</summary>
public class OversubscribedFanOutTests
{
    [Test]
    public void FourByFourDramFanOut_OnATwoByTwoGBufferMesh_Runs()
    {
        // ex_base with the DRAM-level spatial factor 4×4 (N split 16 ways) on the 2×2 GBuffer mesh, and no split below
        // the GBuffer (N per GBuffer 64 = the tile step). Legal for COMET; it used to deadlock at cycle 0, the A
        // multicast asking GBuffer[0]'s one parent_write port once per logical GBuffer folded onto it.
        var result = new DataflowExecutor(Inputs(), new Simulation()).Run();

        Assert.That(result.SimulatedCycles, Is.GreaterThan(0));

        // DRAM reads what ex_base reads: A (256·4096 B) once per M iteration, B (4096·1024 B) once.
        Assert.That(result.Units["DRAM/read"], Is.EqualTo((256L * 4096) + (4096L * 1024)));

        // One copy of a multicast tile per physical buffer: A's 64·4096 B tile lands once in each of the 4 GBuffers
        // per DRAM iteration (4 MiB, not 16 MiB for 16 logical copies); B's 16 distinct 4096·64 B tiles land 4 per
        // GBuffer (4 MiB).
        Assert.That(result.Units["GBuffer/parent_write"], Is.EqualTo((4L * 4 * 64 * 4096) + (4096L * 1024)));

        // Every logical GBuffer runs its whole loop: 16 logical × 4 DRAM iterations × 8 GBuffer iterations leaves.
        var leaf = result.Nodes.Single(n => n.Name == "DataMovementTileNode::5");
        Assert.That(leaf.Invocations, Is.EqualTo(16 * 4 * 8));
    }

    [Test]
    public void LogicalInstancesFoldedOntoOnePhysicalBuffer_RunInTurn()
    {
        // The 4 logical GBuffers folded onto one physical GBuffer share its engines and buffers, so they run one after
        // the other: the GEMM leaf invocations on any macengine never overlap and there are 4 × 32 of them per engine.
        var sink = new ListSink();
        var sim = new Simulation { Trace = sink };
        new DataflowExecutor(Inputs(), sim).Run();

        var compute = sink.Records.Where(r => r.Activity == ActivityKind.Compute && r.Component == "macengine").ToList();
        Assert.That(compute.Select(r => r.Instance).Distinct().Count(), Is.EqualTo(4));
        foreach (var engine in compute.GroupBy(r => r.Instance))
        {
            var rows = engine.OrderBy(r => r.Start).ToList();
            Assert.That(rows, Has.Count.EqualTo(4 * 32));
            for (var i = 1; i < rows.Count; i++)
            {
                Assert.That(rows[i].Start, Is.GreaterThanOrEqualTo(rows[i - 1].End));
            }
        }
    }

    private static CometInputSet Inputs()
    {
        var folder = CaseFiles.Folder("ex_base") ?? throw new InconclusiveException("ex_base is not on this machine");
        var constants = File.ReadAllText(Path.Combine(folder, "const.yaml"))
            .Replace("N_DRAM_X: 2", "N_DRAM_X: 4", StringComparison.Ordinal)
            .Replace("N_DRAM_Y: 2", "N_DRAM_Y: 4", StringComparison.Ordinal)
            .Replace("N_gbuffer_X: 2", "N_gbuffer_X: 1", StringComparison.Ordinal)
            .Replace("N_gbuffer_Y: 2", "N_gbuffer_Y: 1", StringComparison.Ordinal);
        return CometInputLoader.Parse(
            File.ReadAllText(Path.Combine(folder, "arch.yaml")),
            File.ReadAllText(Path.Combine(folder, "problem.yaml")),
            File.ReadAllText(Path.Combine(folder, "mapping.yaml")),
            constants);
    }

    private sealed class ListSink : ITraceSink
    {
        public List<TraceRecord> Records { get; } = [];

        public void Write(in TraceRecord record) => Records.Add(record);

        public void Flush()
        {
        }

        public void Dispose()
        {
        }
    }
}
