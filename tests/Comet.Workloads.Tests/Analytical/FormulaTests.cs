using Comet.Hardware.Energy;
using Comet.Hardware.Specs;
using Comet.Workloads.Analytical;
using Comet.Workloads.Inputs;
using Comet.Workloads.Loop;
using Comet.Workloads.Tests.Inputs;
using NUnit.Framework;

namespace Comet.Workloads.Tests.Analytical;

/// <summary>Hand-derived checks of single formulas (reference-model §5–§8).</summary>
public class FormulaTests
{
    private static ComputeTypeSpec Compute(ComputeModel model, long latency = 2, long startup = 16, long width = 8, long rows = 32, long cols = 32, long saRows = 1, long saCols = 1)
        => new("x", model, 64, latency, startup, width, 0, 1f, rows, cols, saRows, saCols);

    private static List<DimensionValue> Tp(params (int Dim, long Value)[] terms) => terms.Select(t => new DimensionValue(t.Dim, t.Value)).ToList();

    [Test]
    public void GemmLatency_ExampleTilePrimitive_Is1048()
    {
        // 16 startup + 8 (specd ∧ rmw, 1024/256 = 4) + (4·64·1024/512)·2 = 16 + 8 + 1024
        var attrs = new ComputeAttributes(true, true, [2], new Dictionary<int, long> { [2] = 1024 });
        var cycles = ComputeLatency.Cycles(Compute(ComputeModel.Gemm), Tp((2, 1024), (1, 64), (0, 4)), attrs, OperationKind.Gemm);
        Assert.That(cycles, Is.EqualTo(1048));
    }

    [Test]
    public void GemmLatency_WithoutSpeculation_HasNoExtraTerm()
    {
        var attrs = new ComputeAttributes(false, true, [2], new Dictionary<int, long> { [2] = 4096 });
        Assert.That(ComputeLatency.Cycles(Compute(ComputeModel.Gemm), Tp((2, 1024), (1, 64), (0, 4)), attrs, OperationKind.Gemm), Is.EqualTo(16 + 1024));
    }

    [Test]
    public void SystolicLatency_CloudPrimitive_FoldsKOverRowsAndNOverCols()
    {
        // TP [K=32, N=4, M=8], T = 8 (red dim M) → remove 8 → fold ⌈32/(32·8)⌉·⌈4/(32·8)⌉ = 1; base 2·32 + 32 + 8 − 2 = 102
        var attrs = new ComputeAttributes(true, true, [0], new Dictionary<int, long> { [0] = 8 });
        var cycles = ComputeLatency.Cycles(Compute(ComputeModel.SystolicArray, saRows: 8, saCols: 8), Tp((2, 32), (1, 4), (0, 8)), attrs, OperationKind.Gemm);
        Assert.That(cycles, Is.EqualTo(102));
    }

    [Test]
    public void SystolicLatency_LargeTile_Folds()
    {
        // TP [K=256, N=64, M=16], T=16 → fold ⌈256/32⌉·⌈64/32⌉ = 16; base 64 + 32 + 16 − 2 = 110 → 1760
        var attrs = new ComputeAttributes(false, false, [0], new Dictionary<int, long> { [0] = 16 });
        Assert.That(ComputeLatency.Cycles(Compute(ComputeModel.SystolicArray), Tp((2, 256), (1, 64), (0, 16)), attrs, OperationKind.Gemm), Is.EqualTo(1760));
    }

    [TestCase(OperationKind.Softmax, 8, 1)]
    [TestCase(OperationKind.Exp, 8, 3)]
    [TestCase(OperationKind.Exp, 20, 9)]
    [TestCase(OperationKind.RowSum, 64, 24)]
    public void SimdLatency_OpTableTimesInstructions(OperationKind op, long elements, long expected)
    {
        // c_op · ⌈elements / width⌉ with width 8 (rowsum: ⌈log2 8⌉ = 3)
        Assert.That(ComputeLatency.Cycles(Compute(ComputeModel.Vsimd), Tp((1, elements)), ComputeAttributes.None, op), Is.EqualTo(expected));
    }

    [Test]
    public void SimdLatency_ReductionFactorsDivideTheInstructions()
    {
        // 1·4·256 elements over width 16 × reduction 256 → 1 instruction × ⌈log2 16⌉ = 4
        var attrs = new ComputeAttributes(false, false, [2], new Dictionary<int, long> { [2] = 256 });
        Assert.That(ComputeLatency.Cycles(Compute(ComputeModel.Vsimd, width: 16), Tp((2, 256), (1, 4), (0, 1)), attrs, OperationKind.RowMax), Is.EqualTo(4));
    }

    [Test]
    public void IntMacAndMac_Latency()
    {
        Assert.That(ComputeLatency.Cycles(Compute(ComputeModel.IntMac, latency: 3), Tp((0, 4), (1, 5)), ComputeAttributes.None, OperationKind.Gemm), Is.EqualTo(60));
        Assert.That(ComputeLatency.Cycles(Compute(ComputeModel.Mac, latency: 3), Tp((0, 4), (1, 5)), ComputeAttributes.None, OperationKind.Gemm), Is.EqualTo(3));
    }

    [TestCase(1, 1, 0)]
    [TestCase(2, 2, 2)]
    [TestCase(4, 4, 6)]
    [TestCase(16, 16, 30)]
    [TestCase(3, 3, 4)]
    [TestCase(4, 2, 4)]
    public void MeshHops_AreXPlusYMinusTwo(long x, long y, long hops)
    {
        Assert.That(MeshHops.ForMesh(x, y), Is.EqualTo((hops, hops)));
    }

    [Test]
    public void TileMove_ExampleGBufferToIBuffer_Takes36874Cycles()
    {
        // S = 32768 (8 bit), U = 1, F = 4, 4 ports, child_read_bw 32 → Bt = 8 → 4096; IB parent_write_bw 128 → 256;
        // network 2×2: 2 hops × 5 + (65536·8/32)·2 = 10 + 32768 → 32778
        var set = CometInputLoader.LoadFolder(ReferencePaths.Case("ex_base"));
        var arch = set.Architecture;
        var gb = arch.FindLevel("GBuffer")!;
        var ib = arch.FindLevel("IBuffer")!;
        var cost = TileMoveCost.Evaluate(gb, ib, arch.NetworkBetween(gb.Id, ib.Id)!, new TileMove(32768, 1, 4), false, false, 8, true);
        Assert.That(cost.MemoryCycles, Is.EqualTo(4096));
        Assert.That(cost.NetworkCycles, Is.EqualTo(32778));
        Assert.That(cost.Total, Is.EqualTo(36874));
        Assert.That(cost.NocEnergyPj, Is.EqualTo(6412.0001).Within(1e-3));
    }

    [TestCase(CollectiveKind.Gather, 582, 64)]
    [TestCase(CollectiveKind.AllGather, 2068, 2048)]
    [TestCase(CollectiveKind.AllReduce, 4180, 3072)]
    [TestCase(CollectiveKind.Broadcast, 538, 28)]
    [TestCase(CollectiveKind.Reduction, 586, 1020)]
    [TestCase(CollectiveKind.Scatter, 46, 4)]
    public void Collective_ExampleOBufferGather_AsEachType(CollectiveKind kind, long cycles, double energy)
    {
        // R = 512, W = 8192 (gather: ×16 sources), Nsrc = 16, Ndst = 4, 2×2 link mesh, q = 2, W_ch = 32 (reference-model §7 table)
        var set = CometInputLoader.LoadFolder(ReferencePaths.Case("ex_base"));
        var gather = (CollectiveOperationNode)set.Mapping.Nodes[8];
        var node = gather with { Kind = kind };
        var write = kind is CollectiveKind.Gather or CollectiveKind.AllGather ? 8192 : kind == CollectiveKind.Scatter ? 128 : 512;
        var result = CollectiveCost.Evaluate(set.Architecture, new CollectiveTransfer(node, 512, write, []), false);
        Assert.That(result.Cycles, Is.EqualTo(cycles));
        Assert.That(result.ReadEnergyPj + result.WriteEnergyPj, Is.EqualTo(energy).Within(1e-9));
    }

    [Test]
    public void Collective_ExampleOBufferReduceScatter_IsReductionThenScatter()
    {
        // Comet's reduce-scatter: the reduction of R = 512 (586 cycles, 1020 pJ) then the scatter of it into W = 512 / 4 (46 cycles, 4 pJ).
        var set = CometInputLoader.LoadFolder(ReferencePaths.Case("ex_base"));
        var node = (CollectiveOperationNode)set.Mapping.Nodes[8] with { Kind = CollectiveKind.ReduceScatter };
        var result = CollectiveCost.Evaluate(set.Architecture, new CollectiveTransfer(node, 512, 128, []), false);
        Assert.That(result.Cycles, Is.EqualTo(586 + 46));
        Assert.That(result.ReadEnergyPj + result.WriteEnergyPj, Is.EqualTo(1020 + 4).Within(1e-9));
    }

    [Test]
    public void OrionRouter_ExampleGather_Is100Point758()
    {
        // gather of 512 elements on the 2×2 OBuffer link mesh: H = 2, Q = 512·2·8 bits, W = 32, tenq = 2
        Assert.That(OrionRouterEnergy.Energy(32, 2, 2, 512 * 2 * 8, 2), Is.EqualTo(100.758).Within(1e-3));
    }

    [Test]
    public void Energy_ExampleDramRow_Is5505024()
    {
        // DRAM (width 1, 1 pJ): A 4·262144 + B 1·1048576·4 + D 4·65536 = 5 505 024
        var report = AnalyticalModel.Evaluate(CometInputLoader.LoadFolder(ReferencePaths.Case("ex_base")));
        Assert.That(report.EnergyBreakdownPj["DRAM"], Is.EqualTo(5505024f));
        Assert.That(report.NodeEnergyPj["DataMovementTileNode::9"]["simdengine"], Is.EqualTo(262144.0));
    }
}
