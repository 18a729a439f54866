using Comet.Hardware.Components;
using Comet.Hardware.Energy;
using Comet.Hardware.Specs;
using Comet.Sim;
using Comet.Workloads.Analytical;
using Comet.Workloads.Execution;
using Comet.Workloads.Inputs;
using NUnit.Framework;

namespace Comet.Workloads.Tests.Execution;

/// <summary>Whole GEMMs as one tile primitive on one systolic array, against SCALE-Sim v3 runs (docs/validation.md, "Systolic dataflows against SCALE-Sim v3").</summary>
public class SystolicScaleSimTests
{
    private const int M = 0, N = 1, K = 2;

    // Each row is one SCALE-Sim v3 run (GEMM M×N×K, ArrayHeight R, ArrayWidth C, dataflow): its reported "Total Cycles" is
    // the index of the last cycle, so the duration is that + 1. The tile primitive is written so that COMET's order puts
    // SCALE-Sim's row operand first: WS rows K, columns N, streams M; IS rows K, columns M, streams N (both written
    // M= N= K=); OS rows M, columns N, streams K (written N= M= K=). The engine must take SCALE-Sim's duration; COMET's
    // closed form stays 2R + C + T − 2 per fold for every dataflow (R more per output-stationary fold).
    [TestCase(64, 64, 64, 16, 16, SystolicDataflow.WeightStationary, 1759, 1760)]
    [TestCase(100, 50, 70, 16, 16, SystolicDataflow.WeightStationary, 2919, 2920)]
    [TestCase(33, 65, 17, 16, 16, SystolicDataflow.WeightStationary, 789, 790)]
    [TestCase(256, 128, 256, 16, 16, SystolicDataflow.WeightStationary, 38655, 38656)]
    [TestCase(1, 4096, 512, 16, 16, SystolicDataflow.WeightStationary, 385023, 385024)]
    [TestCase(64, 64, 64, 16, 16, SystolicDataflow.InputStationary, 1759, 1760)]
    [TestCase(100, 50, 70, 16, 16, SystolicDataflow.InputStationary, 3359, 3360)]
    [TestCase(33, 65, 17, 16, 16, SystolicDataflow.InputStationary, 665, 666)]
    [TestCase(256, 128, 256, 16, 16, SystolicDataflow.InputStationary, 44543, 44544)]
    [TestCase(1, 4096, 512, 16, 16, SystolicDataflow.InputStationary, 132543, 132544)]
    [TestCase(64, 64, 64, 16, 16, SystolicDataflow.OutputStationary, 1503, 1760)]
    [TestCase(100, 50, 70, 16, 16, SystolicDataflow.OutputStationary, 2799, 3248)]
    [TestCase(33, 65, 17, 16, 16, SystolicDataflow.OutputStationary, 704, 945)]
    [TestCase(256, 128, 256, 16, 16, SystolicDataflow.OutputStationary, 36607, 38656)]
    [TestCase(1, 4096, 512, 16, 16, SystolicDataflow.OutputStationary, 138751, 142848)]
    [TestCase(64, 64, 64, 32, 32, SystolicDataflow.WeightStationary, 631, 632)]
    [TestCase(100, 50, 70, 32, 32, SystolicDataflow.WeightStationary, 1163, 1164)]
    [TestCase(33, 65, 17, 32, 32, SystolicDataflow.WeightStationary, 380, 381)]
    [TestCase(256, 128, 256, 32, 32, SystolicDataflow.WeightStationary, 11199, 11200)]
    [TestCase(1, 4096, 512, 32, 32, SystolicDataflow.WeightStationary, 194559, 194560)]
    [TestCase(64, 64, 64, 32, 32, SystolicDataflow.InputStationary, 631, 632)]
    [TestCase(100, 50, 70, 32, 32, SystolicDataflow.InputStationary, 1727, 1728)]
    [TestCase(33, 65, 17, 32, 32, SystolicDataflow.InputStationary, 317, 318)]
    [TestCase(256, 128, 256, 32, 32, SystolicDataflow.InputStationary, 14207, 14208)]
    [TestCase(1, 4096, 512, 32, 32, SystolicDataflow.InputStationary, 67039, 67040)]
    [TestCase(64, 64, 64, 32, 32, SystolicDataflow.OutputStationary, 503, 632)]
    [TestCase(100, 50, 70, 32, 32, SystolicDataflow.OutputStationary, 1055, 1312)]
    [TestCase(33, 65, 17, 32, 32, SystolicDataflow.OutputStationary, 473, 666)]
    [TestCase(256, 128, 256, 32, 32, SystolicDataflow.OutputStationary, 10175, 11200)]
    [TestCase(1, 4096, 512, 32, 32, SystolicDataflow.OutputStationary, 73471, 77568)]
    [TestCase(64, 64, 64, 32, 64, SystolicDataflow.WeightStationary, 379, 380)]
    [TestCase(100, 50, 70, 32, 64, SystolicDataflow.WeightStationary, 677, 678)]
    [TestCase(33, 65, 17, 32, 64, SystolicDataflow.WeightStationary, 317, 318)]
    [TestCase(256, 128, 256, 32, 64, SystolicDataflow.WeightStationary, 6111, 6112)]
    [TestCase(1, 4096, 512, 32, 64, SystolicDataflow.WeightStationary, 130047, 130048)]
    [TestCase(64, 64, 64, 32, 64, SystolicDataflow.InputStationary, 379, 380)]
    [TestCase(100, 50, 70, 32, 64, SystolicDataflow.InputStationary, 1055, 1056)]
    [TestCase(33, 65, 17, 32, 64, SystolicDataflow.InputStationary, 190, 191)]
    [TestCase(256, 128, 256, 32, 64, SystolicDataflow.InputStationary, 8127, 8128)]
    [TestCase(1, 4096, 512, 32, 64, SystolicDataflow.InputStationary, 67551, 67552)]
    [TestCase(64, 64, 64, 32, 64, SystolicDataflow.OutputStationary, 315, 380)]
    [TestCase(100, 50, 70, 32, 64, SystolicDataflow.OutputStationary, 655, 784)]
    [TestCase(33, 65, 17, 32, 64, SystolicDataflow.OutputStationary, 443, 572)]
    [TestCase(256, 128, 256, 32, 64, SystolicDataflow.OutputStationary, 5599, 6112)]
    [TestCase(1, 4096, 512, 32, 64, SystolicDataflow.OutputStationary, 38783, 40832)]
    public void WholeGemm_EngineTakesScaleSimsCycles_AnalyticKeepsCometsFormula(long m, long n, long k, long rows, long cols, SystolicDataflow dataflow, long scaleSimTotalCycles, long analytic)
    {
        var written = dataflow == SystolicDataflow.OutputStationary
            ? new[] { new DimensionValue(N, n), new DimensionValue(M, m), new DimensionValue(K, k) }
            : new[] { new DimensionValue(M, m), new DimensionValue(N, n), new DimensionValue(K, k) };
        var tilePrimitive = written.Reverse().ToList();
        var streamed = dataflow switch
        {
            SystolicDataflow.WeightStationary => M,
            SystolicDataflow.InputStationary => N,
            _ => K,
        };
        var factor = tilePrimitive.Single(d => d.DimensionId == streamed).Value;
        var attributes = new ComputeAttributes(false, false, [streamed], new Dictionary<int, long> { [streamed] = factor });
        var spec = new ComputeTypeSpec("SystolicArray", ComputeModel.SystolicArray, 0, 1, 0, 8, 0, 0, rows, cols, 1, 1);
        var sim = new Simulation();
        var engine = new SystolicArray(sim, new SystolicArrayParameters("GEMMEngine", rows, cols), new EnergyLedger(), 0);
        var primitive = PlanBuilder.GemmPrimitiveOf(tilePrimitive, attributes, dataflow);
        sim.Process(engine.Compute(sim, ActivityLabel.None, primitive), "gemm");
        sim.Run();

        Assert.Multiple(() =>
        {
            Assert.That(sim.Now, Is.EqualTo(scaleSimTotalCycles + 1), "simulated = SCALE-Sim v3 Total Cycles + 1");
            Assert.That(ComputeLatency.SystolicArray(spec, tilePrimitive, attributes), Is.EqualTo(analytic), "COMET's closed form");
            var outputStationaryGap = dataflow == SystolicDataflow.OutputStationary ? engine.Folds(primitive) * rows : 0;
            Assert.That(analytic - sim.Now, Is.EqualTo(outputStationaryGap), "the closed form charges R more per output-stationary fold");
        });
    }
}
