using NUnit.Framework;
using Comet.Sim;
using Comet.Workloads.Execution;

namespace Comet.Workloads.Tests.Execution;

public class SmokeTests
{
    [TestCase("gemm_only")]
    [TestCase("ex_base", Explicit = true, Reason = "a few seconds")]
    [TestCase("im_edge_M256N256K128_0", Explicit = true, Reason = "tens of seconds")]
    [TestCase("im_cloud_M2048N2048K256_0", Explicit = true, Reason = "minutes")]
    public void Case_RunsAndPrintsItsFigures(string name)
    {
        var inputs = CaseFiles.Load(name);
        var sim = new Simulation();
        var exec = new DataflowExecutor(inputs, sim);
        var sw = System.Diagnostics.Stopwatch.StartNew();
        var r = exec.Run();
        TestContext.Out.WriteLine($"GC {GC.CollectionCount(0)} {GC.CollectionCount(1)} {GC.CollectionCount(2)} pause {GC.GetTotalPauseDuration().TotalSeconds:F2}s heap {GC.GetTotalMemory(false) / 1e6:F0}MB");
        TestContext.Out.WriteLine($"{name}: cycles {r.SimulatedCycles} events {r.Events} wall {sw.Elapsed.TotalSeconds:F2}s energy {r.TotalEnergy}");
        foreach (var n in r.Nodes)
        {
            TestContext.Out.WriteLine($"  {n.Name} {n.Kind} {n.Levels} inv {n.Invocations} mean {n.MeanCycles:F1} stall {n.StallCycles}");
        }

        foreach (var (k, v) in r.EnergyByComponent)
        {
            TestContext.Out.WriteLine($"  E {k} {v}");
        }

        foreach (var (k, v) in r.Units)
        {
            TestContext.Out.WriteLine($"  U {k} {v}");
        }

        Assert.That(r.SimulatedCycles, Is.GreaterThan(0));
    }

    [TestCase("ex_base")]
    [TestCase("im_cloud_M2048N2048K256_0")]
    public void CollectiveTiles_ArePrinted(string name)
    {
        var inputs = CaseFiles.Load(name);
        var tiles = new TileAnalysis(inputs.Problem, inputs.Mapping);
        foreach (var col in inputs.Mapping.Nodes.OfType<Comet.Workloads.Inputs.CollectiveOperationNode>())
        {
            var ext = tiles.CollectiveInput(col.Index);
            var elements = ext is null ? 0 : tiles.ProjectedElements(ext, col.InputTensorId, col.Tag);
            TestContext.Out.WriteLine($"{col.Name} {col.Kind} in {inputs.Problem.TensorNames[col.InputTensorId]} extents [{string.Join(",", ext ?? [])}] elements {elements} bytes {TileAnalysis.Bytes(elements, col.PrecisionBits)}");
            Assert.That(elements, Is.GreaterThan(0));
        }
    }
}
