using Comet.Hardware.Inputs;
using Comet.Workloads.Inputs;
using NUnit.Framework;

namespace Comet.Workloads.Tests.Inputs;

/// <summary>User mistakes in problem/mapping/const give one positioned line naming the file and key.</summary>
public class InputErrorTests
{
    private static string Read(string file) => File.ReadAllText(Path.Combine(ReferencePaths.Case("ex_base"), file));

    private static InputException Fails(Func<string, string>? arch = null, Func<string, string>? problem = null, Func<string, string>? mapping = null, Func<string, string>? constants = null)
        => Assert.Throws<InputException>(() => CometInputLoader.Parse(
            (arch ?? (s => s))(Read("arch.yaml")),
            (problem ?? (s => s))(Read("problem.yaml")),
            (mapping ?? (s => s))(Read("mapping.yaml")),
            (constants ?? (s => s))(Read("const.yaml"))))!;

    [Test]
    public void UnknownTensor_SuggestsNearestName()
    {
        var e = Fails(mapping: m => m.Replace("tensors:     [A,B,D]\n precision", "tensors:     [A,Bx,D]\n precision"));
        Assert.That(e.File, Is.EqualTo("mapping.yaml"));
        Assert.That(e.KeyPath, Is.EqualTo("mapping.tensors[1]"));
        Assert.That(e.Hint, Is.EqualTo("did you mean 'B'?"));
    }

    [Test]
    public void UnknownConstant_SuggestsNearestConstant()
    {
        var e = Fails(mapping: m => m.Replace("M=[MA_DRAM,MA_DRAM,MD_DRAM]", "M=[MA_DRAN,MA_DRAM,MD_DRAM]"));
        Assert.That(e.Problem, Is.EqualTo("unknown constant 'MA_DRAN'"));
        Assert.That(e.Hint, Is.EqualTo("did you mean 'MA_DRAM'?"));
        Assert.That(e.Line, Is.EqualTo(12));
    }

    [Test]
    public void FactorThatDoesNotDivide_NamesTheNodeFactors()
    {
        var e = Fails(constants: c => c.Replace("N_gbuffer_X: 2", "N_gbuffer_X: 3"));
        Assert.That(e.KeyPath, Is.EqualTo("mapping.subtree[0].subtree[0].subtree[0].factors"));
        Assert.That(e.Problem, Does.Contain("does not divide 1024"));
    }

    [Test]
    public void ChildThatIsNotAChildOfTheTarget_IsRejected()
    {
        var e = Fails(mapping: m => m.Replace("child:       [GBuffer,GBuffer,GBuffer]\n\n subtree", "child:       [IBuffer,GBuffer,GBuffer]\n\n subtree"));
        Assert.That(e.Problem, Is.EqualTo("level 'IBuffer' is not a child of 'DRAM'"));
        Assert.That(e.KeyPath, Is.EqualTo("mapping.child[0]"));
    }

    [Test]
    public void EmptyMapping_IsRejected()
    {
        var e = Fails(mapping: _ => "mapping:\n");
        Assert.That(e.Problem, Is.EqualTo("the mapping is empty"));
    }

    [Test]
    public void ZeroProblemSize_IsRejected()
    {
        var e = Fails(problem: p => p.Replace("M: 256", "M: 0"));
        Assert.That(e.File, Is.EqualTo("problem.yaml"));
        Assert.That(e.KeyPath, Is.EqualTo("problem.instance.M"));
    }

    [Test]
    public void UnknownOperationName_SuggestsNearest()
    {
        var e = Fails(mapping: m => m.Replace("name:              softmax", "name:              softmx"));
        Assert.That(e.Hint, Is.EqualTo("did you mean 'softmax'?"));
    }

    [Test]
    public void WrongValueType_IsRejected()
    {
        var e = Fails(mapping: m => m.Replace("wb_output:    false", "wb_output:    maybe"));
        Assert.That(e.Problem, Is.EqualTo("expected true or false, found 'maybe'"));
    }
}
