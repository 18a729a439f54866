using Comet.Sim;
using Comet.Workloads.Execution;
using Comet.Workloads.Inputs;
using NUnit.Framework;

namespace Comet.Workloads.Tests.Execution;

public class PipelineTests
{
    [Test]
    [Explicit("tens of seconds: the edge case simulated twice")]
    public void PipelineBinding_OverlapsTheGemmOfTheNextIterationWithTheSoftmaxOfThisOne()
    {
        var folder = CaseFiles.Folder("im_edge_M256N256K128_0") ?? throw new InconclusiveException("case missing");
        var text = File.ReadAllText(Path.Combine(folder, "mapping.yaml"));
        const string binding2 = "- node_type: inter_tile_binding #Binding2\n       binding:     sequential";
        Assert.That(text.ReplaceLineEndings("\n"), Does.Contain(binding2));
        var sequential = Simulate(folder, text);
        var pipelined = Simulate(folder, text.ReplaceLineEndings("\n").Replace(binding2, binding2.Replace("sequential", "pipeline")));
        TestContext.Out.WriteLine($"sequential {sequential}, pipeline {pipelined}");
        Assert.That(pipelined, Is.LessThan(sequential));
    }

    private static long Simulate(string folder, string mapping)
    {
        var inputs = CometInputLoader.Parse(
            File.ReadAllText(Path.Combine(folder, "arch.yaml")),
            File.ReadAllText(Path.Combine(folder, "problem.yaml")),
            mapping,
            File.ReadAllText(Path.Combine(folder, "const.yaml")));
        return new DataflowExecutor(inputs, new Simulation()).Run().SimulatedCycles;
    }
}
