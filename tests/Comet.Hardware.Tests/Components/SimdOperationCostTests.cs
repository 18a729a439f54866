using Comet.Hardware.Components;
using NUnit.Framework;

namespace Comet.Hardware.Tests.Components;

/// <summary>The one SIMD table: COMET's per-operation latency and energy, in double for the simulator and in the tool's float32 for the analytical model.</summary>
public class SimdOperationCostTests
{
    [TestCase(1, 0)]
    [TestCase(2, 1)]
    [TestCase(8, 3)]
    [TestCase(9, 4)]
    [TestCase(64, 6)]
    public void TreeDepth_IsCeilingLog2(long lanes, long depth) =>
        Assert.That(SimdOperationCost.TreeDepth(lanes), Is.EqualTo(depth));

    [TestCase(SimdOperation.Div, 1)]
    [TestCase(SimdOperation.Exp, 3)]
    [TestCase(SimdOperation.Softmax, 1)]
    [TestCase(SimdOperation.RowSum, 6)]
    [TestCase(SimdOperation.RowMax, 6)]
    public void LatencyCycles_On64Lanes_IsTheCometTable(SimdOperation op, long cycles) =>
        Assert.That(SimdOperationCost.LatencyCycles(op, 64), Is.EqualTo(cycles));

    [TestCase(SimdOperation.Div, 0.8f)]
    [TestCase(SimdOperation.Exp, 3.86f)]
    [TestCase(SimdOperation.Add, 0.11f)]
    [TestCase(SimdOperation.Mult, 0.64f)]
    [TestCase(SimdOperation.Max, 0.0025f)]
    [TestCase(SimdOperation.Sqrt, 2.84f)]
    [TestCase(SimdOperation.Softmax, 1f)]
    public void PicojoulesPerLane_InSinglePrecision_IsTheToolsFloatLiteral(SimdOperation op, float toolLiteral) =>
        Assert.That((float)SimdOperationCost.PicojoulesPerLane(op, 8), Is.EqualTo(toolLiteral));

    [Test]
    public void PicojoulesPerLane_RowReductions_ScaleWithTreeDepth()
    {
        // 8 lanes: a 3-stage tree, so rowsum 0.11·3 and rowmax 0.0025·3.
        Assert.That(SimdOperationCost.PicojoulesPerLane(SimdOperation.RowSum, 8), Is.EqualTo(0.11 * 3));
        Assert.That(SimdOperationCost.PicojoulesPerLane(SimdOperation.RowMax, 8), Is.EqualTo(0.0025 * 3));
    }

    [Test]
    public void GemmAccumulation_Table_IsCometsFourSteps()
    {
        Assert.That(new[] { 1L, 2, 4, 8, 16, 32 }.Select(GemmAccumulation.Cycles), Is.EqualTo(new[] { 0L, 6, 8, 12, 16, 0 }));
    }
}
