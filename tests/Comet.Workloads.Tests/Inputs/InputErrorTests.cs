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

    [TestCase("MA_DRAM:  4", "MA_DRAM:  0", "MA_DRAM = 0 must be positive")]
    [TestCase("MA_DRAM:  4", "MA_DRAM:  4294967296", "MA_DRAM = 4294967296 exceeds the tool's 32-bit field (max 4294967295)")]
    [TestCase("MA_DRAM:  4", "MA_DRAM:  four", "constant MA_DRAM = four is not an integer (expected an integer, found 'four')")]
    public void BadConstantInAFactorList_NamesTheConstantAndItsValue(string line, string replacement, string problem)
    {
        var e = Fails(constants: c => c.Replace(line, replacement));
        Assert.That((e.File, e.Line, e.Column, e.KeyPath, e.Problem), Is.EqualTo(("mapping.yaml", 12L, 5L, "mapping.factors[0]: M", problem)));
    }

    [Test]
    public void BadLiteralInAFactorList_IsShownAsWritten()
    {
        var e = Fails(mapping: m => m.Replace("N=[1,1,1] K=[1,1,1] # dimension", "N=[1, 0 ,1] K=[1,1,1] # dimension"));
        Assert.That((e.Line, e.KeyPath, e.Problem), Is.EqualTo((12L, "mapping.factors[0]: N", "0 must be positive")));
    }

    [Test]
    public void FactorListOfTheWrongLength_CountsItsFactors()
    {
        var e = Fails(mapping: m => m.Replace("N=[1,1,1] K=[1,1,1] # dimension", "N=[1,1] K=[1,1,1] # dimension"));
        Assert.That((e.KeyPath, e.Problem), Is.EqualTo(("mapping.factors[0]", "N has 2 factors but 3 tensors are listed")));
    }

    [TestCase("target:      [DRAM,DRAM,DRAM]\n type:        temporal", "target:      [DRAM,DRAM]\n type:        temporal", "mapping.target", "has 2 entries but 3 tensors are listed")]
    [TestCase("child:       [GBuffer,GBuffer,GBuffer]\n\n subtree", "child:       [GBuffer,GBuffer,GBuffer,GBuffer]\n\n subtree", "mapping.child", "has 4 entries but 3 tensors are listed")]
    [TestCase("target:      [DRAM,DRAM,DRAM]\n type:        temporal", "type:        temporal", "mapping", "missing required key 'target'")]
    [TestCase("target:      [DRAM,DRAM,DRAM]\n type:        temporal", "target:      [DRAM,DRAM,DRAX]\n type:        temporal", "mapping.target[2]", "unknown level 'DRAX'")]
    public void TargetsAndChildren_ArePerTensor(string text, string replacement, string keyPath, string problem)
    {
        var e = Fails(mapping: m => m.Replace(text, replacement));
        Assert.That((e.KeyPath, e.Problem), Is.EqualTo((keyPath, problem)));
    }
}
