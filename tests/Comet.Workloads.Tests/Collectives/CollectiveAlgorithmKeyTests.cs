using Comet.Hardware.Inputs;
using Comet.Workloads.Collectives;
using Comet.Workloads.Inputs;
using Comet.Workloads.Tests.Inputs;
using NUnit.Framework;

namespace Comet.Workloads.Tests.Collectives;

/// <summary>The mapping's <c>algorithm:</c> key on a collective node: known names for the kind load, others are positioned errors.</summary>
public class CollectiveAlgorithmKeyTests
{
    private static string Read(string file) => File.ReadAllText(Path.Combine(ReferencePaths.Case("ex_base"), file));

    // ex_base's gather (mapping.yaml line 107) as an all-reduce with an algorithm key on line 109.
    private static CometInputSet Load(string type, string algorithm, string arch = "") => CometInputLoader.Parse(
        Read("arch.yaml").Replace("broadcast_support: true", "broadcast_support: true" + arch),
        Read("problem.yaml"),
        Read("mapping.yaml").Replace("type:         gather\n", $"type:         {type}\n         reduction_op: add\n         algorithm:    {algorithm}\n"),
        Read("const.yaml"));

    [TestCase("allreduce", "2d", CollectiveAlgorithmChoice.TwoD)]
    [TestCase("allreduce", "ring", CollectiveAlgorithmChoice.Ring)]
    [TestCase("allgather", "direct", CollectiveAlgorithmChoice.Direct)]
    [TestCase("broadcast", "binomial", CollectiveAlgorithmChoice.Binomial)]
    [TestCase("reduction", "tree", CollectiveAlgorithmChoice.Tree)]
    [TestCase("gather", "auto", CollectiveAlgorithmChoice.Auto)]
    public void KnownAlgorithm_Loads(string type, string algorithm, CollectiveAlgorithmChoice expected)
    {
        var node = Load(type, algorithm).Mapping.Nodes.OfType<CollectiveOperationNode>().Single();
        Assert.That(node.Algorithm, Is.EqualTo(expected));
    }

    [Test]
    public void Misspelled_IsAPositionedErrorWithAHint()
    {
        var e = Assert.Throws<InputException>(() => Load("allreduce", "rign"))!;
        Assert.That(e.File, Is.EqualTo("mapping.yaml"));
        Assert.That(e.Line, Is.EqualTo(109));
        Assert.That(e.KeyPath, Does.EndWith(".algorithm"));
        Assert.That(e.Problem, Is.EqualTo("unknown algorithm 'rign' for collective type 'allreduce' (one of auto, direct, ring, 2d)"));
        Assert.That(e.Hint, Is.EqualTo("did you mean 'ring'?"));
    }

    [Test]
    public void AlgorithmOfAnotherKind_IsRejected()
    {
        var e = Assert.Throws<InputException>(() => Load("gather", "ring"))!;
        Assert.That(e.Problem, Is.EqualTo("unknown algorithm 'ring' for collective type 'gather' (one of auto, direct)"));
    }

    [Test]
    public void InNetworkWithoutReductionSupport_IsRejected()
    {
        var e = Assert.Throws<InputException>(() => Load("reduction", "in_network"))!;
        Assert.That(e.Problem, Is.EqualTo("in_network needs a link network with reduction_support: true"));
        Assert.That(e.Line, Is.EqualTo(109));
    }
}
