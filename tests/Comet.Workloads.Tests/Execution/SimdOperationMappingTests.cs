using Comet.Hardware.Components;
using Comet.Hardware.Inputs;
using Comet.Sim;
using Comet.Workloads.Execution;
using Comet.Workloads.Inputs;
using NUnit.Framework;

namespace Comet.Workloads.Tests.Execution;

/// <summary>Every operation kind maps to one SIMD operation or is refused: none silently becomes an add.</summary>
public class SimdOperationMappingTests
{
    [TestCase(OperationKind.Add, SimdOperation.Add)]
    [TestCase(OperationKind.RowMax, SimdOperation.RowMax)]
    [TestCase(OperationKind.Softmax, SimdOperation.Softmax)]
    [TestCase(OperationKind.Sub, SimdOperation.Add)]
    public void Of_ElementWiseKind_IsItsSimdOperation(OperationKind kind, SimdOperation op) =>
        Assert.That(OperationKinds.Simd(kind), Is.EqualTo(op));

    [TestCase(OperationKind.Gemm)]
    [TestCase(OperationKind.Convolution)]
    [TestCase(OperationKind.None)]
    public void Of_NonSimdKind_Throws(OperationKind kind) =>
        Assert.Throws<InvalidOperationException>(() => OperationKinds.Simd(kind));

    [Test]
    public void Simulate_GemmOnVsimdEngine_IsAPositionedInputError()
    {
        // ex_base with its MAC engines declared VSIMD: the GEMM leaf lands on a SIMD unit (it used to run as an add)
        var folder = CaseFiles.Folder("ex_base") ?? throw new InconclusiveException("ex_base is not on this machine");
        string Read(string name) => File.ReadAllText(Path.Combine(folder, name));
        var arch = Read("arch.yaml").Replace("type: GEMM", "type: VSIMD", StringComparison.Ordinal);
        var inputs = CometInputLoader.Parse(arch, Read("problem.yaml"), Read("mapping.yaml"), Read("const.yaml"));
        var e = Assert.Throws<InputException>(() => new DataflowExecutor(inputs, new Simulation()).Run())!;
        Assert.That(e.Message, Does.Contain("Gemm is not supported on VSIMD"));
    }
}

/// <summary>The operation-kind table: every kind but None is spelled once, and every spelling parses back to its kind.</summary>
public class OperationKindsTests
{
    [Test]
    public void EveryKindButNone_HasOneSpelling_ThatParsesBack()
    {
        var names = OperationKinds.Names.ToList();
        Assert.That(names.Distinct().Count(), Is.EqualTo(names.Count));
        var kinds = names.Select(n => OperationKinds.TryParse(n.ToUpperInvariant(), out var k) ? k : OperationKind.None).ToList();
        Assert.That(kinds, Is.EquivalentTo(Enum.GetValues<OperationKind>().Where(k => k != OperationKind.None)));
    }

    [Test]
    public void TryParse_UnknownSpelling_IsFalse() =>
        Assert.That(OperationKinds.TryParse("tanh", out _), Is.False);
}
