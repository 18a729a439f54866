using Comet.Hardware.Inputs;
using Comet.Workloads.Inputs;
using NUnit.Framework;

namespace Comet.Workloads.Tests.Inputs;

public class InputLoadingTests
{
    [Test]
    public void LoadFolder_ShippedExample_ResolvesTreeLevelsAndTensors()
    {
        var set = CometInputLoader.LoadFolder(ReferencePaths.Case("ex_base"));
        Assert.That(set.Architecture.Levels.Select(l => l.Name), Is.EqualTo(new[] { "DRAM", "GBuffer", "OBuffer", "simdengine", "macengine", "IBuffer", "WBuffer" }));
        Assert.That(set.Architecture.FindLevel("GBuffer")!.Instances, Is.EqualTo(4));
        Assert.That(set.Problem.TensorNames, Is.EqualTo(new[] { "A", "B", "C", "D" }));
        Assert.That(set.Problem.IntermediateTensorIds, Is.EqualTo(new[] { 2 }));
        Assert.That(set.Mapping.Nodes, Has.Count.EqualTo(11));
        Assert.That(set.Mapping.Nodes[8].Name, Is.EqualTo("CollectiveOpNode::8"));
        var gemm = (OperationNode)set.Mapping.Nodes[6];
        Assert.That(gemm.TilePrimitive.Select(d => d.Value), Is.EqualTo(new long[] { 1024, 64, 4 }));
        Assert.That(set.Hashes["arch"], Has.Length.EqualTo(64));
    }

    [Test]
    public void Parse_ReduceScatterCollective_IsCometsExtensionSplittingTheTileOverDestinations()
    {
        var folder = ReferencePaths.Case("ex_base");
        string Read(string name) => File.ReadAllText(Path.Combine(folder, name));
        var mapping = Read("mapping.yaml");
        var at = mapping.IndexOf("type:         gather", StringComparison.Ordinal);
        Assert.That(at, Is.GreaterThan(0));
        mapping = mapping[..at] + "type:         reduce_scatter" + mapping[(at + "type:         gather".Length)..];
        var set = CometInputLoader.Parse(Read("arch.yaml"), Read("problem.yaml"), mapping, Read("const.yaml"));
        var col = (CollectiveOperationNode)set.Mapping.Nodes[8];
        Assert.That(col.Kind, Is.EqualTo(CollectiveKind.ReduceScatter));

        // the gather's 512-element tile read, its N extent split over the 4 OBuffer destinations: 128 written
        var transfer = Comet.Workloads.Loop.LoopNestAnalyzer.Analyze(set.Architecture, set.Problem, set.Mapping).Collectives[8]!;
        Assert.That((transfer.ReadElements, transfer.WriteElements), Is.EqualTo((512L, 128L)));
    }

    [TestCase("ex_x_bad_dim_product", "mapping.yaml", "factors")]
    [TestCase("ex_x_ib_too_small", "mapping.yaml", "IBuffer")]
    [TestCase("ex_x_ob_no_link", "mapping.yaml", "link")]
    public void LoadFolder_BrokenInput_ThrowsInputExceptionNamingFileAndKey(string name, string file, string fragment)
    {
        var e = Assert.Throws<InputException>(() => CometInputLoader.LoadFolder(ReferencePaths.Case(name)))!;
        TestContext.Out.WriteLine(e.Message);
        Assert.That(e.File, Is.EqualTo(file));
        Assert.That(e.KeyPath, Does.StartWith("mapping"));
        Assert.That(e.Message, Does.Contain(fragment));
        Assert.That(e.Line, Is.GreaterThan(0));
    }

    [Test]
    public void LoadFolder_Mesh3x3_Loads()
    {
        var set = CometInputLoader.LoadFolder(ReferencePaths.Case("ex_a_mesh3x3"));
        Assert.That(set.Architecture.FindLevel("GBuffer")!.Instances, Is.EqualTo(9));
    }
}
