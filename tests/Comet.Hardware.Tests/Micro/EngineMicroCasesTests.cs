using Comet.Hardware.Components;
using Comet.Hardware.Micro;
using NUnit.Framework;

namespace Comet.Hardware.Tests.Micro;

public class EngineMicroCasesTests
{
    [TestCase("engine-mac-array-gemm", 1048L)]               // 16 + 8 (4 partial sums) + (4·64·1024 / 512)·2
    [TestCase("engine-systolic-weight-stationary", 1760L)]   // 64³ on 16×16: 4·4 folds × (2·16 + 16 + 64 − 2 = 110); SCALE-Sim v3 ws 1759 + 1
    [TestCase("engine-systolic-input-stationary", 1056L)]    // 100×50×70 on 32×64: ⌈70/32⌉·⌈100/64⌉ = 6 folds × (64 + 64 + 50 − 2 = 176); SCALE-Sim v3 is 1055 + 1
    [TestCase("engine-systolic-output-stationary", 705L)]    // 33×65×17 on 16×16: ⌈33/16⌉·⌈65/16⌉ = 15 folds × (16 + 16 + 17 − 2 = 47); SCALE-Sim v3 os 704 + 1
    [TestCase("engine-simd-add", 256L)]                      // 1 · 4096/16
    [TestCase("engine-simd-mult", 256L)]
    [TestCase("engine-simd-div", 256L)]
    [TestCase("engine-simd-exp", 768L)]                      // 3 · 4096/16
    [TestCase("engine-simd-max", 256L)]
    [TestCase("engine-simd-sqrt", 256L)]
    [TestCase("engine-simd-softmax", 256L)]
    [TestCase("engine-simd-rowsum", 16L)]                    // ⌈log2 16⌉ = 4 stages · ⌈4096 / (16·64)⌉ = 4 passes
    [TestCase("engine-simd-rowmax", 16L)]
    public void Case_GivesTheHandDerivedCycles(string name, long cycles)
    {
        var c = EngineMicroCases.All().Single(m => m.Name == name);
        Assert.That((c.ExpectedCycles, c.SimulatedCycles), Is.EqualTo((cycles, cycles)));
    }

    [Test]
    public void EverySimdOperation_AndEverySystolicDataflow_HasACase()
    {
        var names = EngineMicroCases.All().Select(c => c.Name).ToList();
        Assert.That(names, Is.Unique);
        Assert.That(names.Count(n => n.StartsWith("engine-simd-", StringComparison.Ordinal)), Is.EqualTo(Enum.GetValues<SimdOperation>().Length));
        Assert.That(names.Count(n => n.StartsWith("engine-systolic-", StringComparison.Ordinal)), Is.EqualTo(Enum.GetValues<SystolicDataflow>().Length));
    }

    [TestCase(SystolicDataflow.WeightStationary, 110L)]  // 2·16 + 16 + 64 − 2
    [TestCase(SystolicDataflow.OutputStationary, 94L)]   // 16 + 16 + 64 − 2
    public void FoldClosedForm_IsTheDocumentedOne(SystolicDataflow dataflow, long cycles) =>
        Assert.That(EngineMicroCases.SystolicFoldClosedForm(dataflow, 16, 16, 64), Is.EqualTo(cycles));
}
