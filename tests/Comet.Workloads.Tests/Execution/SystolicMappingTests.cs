using Comet.Hardware.Components;
using Comet.Hardware.Machines;
using Comet.Sim;
using Comet.Workloads.Analytical;
using Comet.Workloads.Execution;
using Comet.Workloads.Inputs;
using Comet.Workloads.Tests.Inputs;
using NUnit.Framework;

namespace Comet.Workloads.Tests.Execution;

/// <summary>A systolic GEMM leaf as the mapping states it: extents on the right sides of a rectangular array, and the dataflow read off the streamed dimension.</summary>
public class SystolicMappingTests
{
    // GEMM 1×4096×512 on 32-row × 64-column arrays, 8×8 arrays per engine (256 lanes along the rows, 512 along the
    // columns), tile primitive M=1 N=4 K=512, four primitives per leaf invocation (N_Core_temporal 4).
    private const string Case = "rect_32x64_M1N4096K512";
    private const string GemmLeaf = "DataMovementTileNode::5";

    private static string Folder => Path.Combine(ReferencePaths.RepositoryRoot, "tests", "data", "systolic", Case);

    private static CometInputSet Load(string? reductionDimension = null, long reductionFactor = 0)
    {
        string Read(string name) => File.ReadAllText(Path.Combine(Folder, name));
        var constants = Read("const.yaml");
        if (reductionDimension is not null)
        {
            constants = constants.Replace("red_dim: M", $"red_dim: {reductionDimension}").Replace("red_factor: 1", $"red_factor: {reductionFactor}");
        }

        return CometInputLoader.Parse(Read("arch.yaml"), Read("problem.yaml"), Read("mapping.yaml"), constants);
    }

    private static (GemmPrimitive Primitive, long EngineCycles, long ClosedForm) GemmLeafOf(CometInputSet inputs)
    {
        var sim = new Simulation();
        var machine = new Machine(sim, inputs.Architecture);
        var plans = new PlanBuilder(inputs, new TileAnalysis(inputs.Problem, inputs.Mapping), machine);
        var leaf = inputs.Mapping.Nodes.OfType<DataMovementTileNode>().Single(n => n.Name == GemmLeaf);
        var plan = plans.Plan(leaf);
        var op = plan.Operation!;
        var engine = machine.Gemm(plan.ComputeLevel, 0);
        var compute = inputs.Architecture.Levels[plan.ComputeLevel].Compute!;
        return (plan.Primitive!, engine.PrimitiveCycles(plan.Primitive!), ComputeLatency.Cycles(compute, op.TilePrimitive, op.Attributes, op.Kind));
    }

    [Test]
    public void RectangularArray_FoldsKOverTheRowsAndNOverTheColumns_AsTheClosedForm()
    {
        // COMET's order of M=1 N=4 K=512 is [K, N, M]; the streamed M (factor 1) leaves K = 512 over the rows
        // (⌈512/256⌉ = 2 folds) and N = 4 over the columns (⌈4/512⌉ = 1): 2 folds × (2·32 + 64 + 1 − 2 = 127) = 254.
        // Before the fix the simulator put N over the rows and K over the columns: 1 fold, 127 cycles (−50 %).
        var (primitive, engineCycles, closedForm) = GemmLeafOf(Load());

        Assert.Multiple(() =>
        {
            Assert.That((primitive.RowExtent, primitive.ColumnExtent, primitive.StreamLength), Is.EqualTo((512L, 4L, 1L)));
            Assert.That(primitive.Dataflow, Is.EqualTo(SystolicDataflow.WeightStationary));
            Assert.That(engineCycles, Is.EqualTo(254));
            Assert.That(closedForm, Is.EqualTo(254));
        });
    }

    [Test]
    public void RectangularArray_SimulatedGemmLeaf_EqualsTheAnalyticLeaf()
    {
        // The leaf runs 4 primitives of 254 cycles (1016) plus its first fill and last drain (9), as COMET's node 5
        // (1025); before the fix the simulation took 4 × 127 + 9 = 517.
        var result = new DataflowExecutor(Load(), new Simulation()).Run();

        Assert.That(result.Nodes.Single(n => n.Name == GemmLeaf).MeanCycles, Is.EqualTo(1025));
    }

    [Test]
    public void StreamingTheContraction_IsOutputStationary_AndSavesTheRowsPerFold()
    {
        // Reduction K (factor 512): [K, N, M] less 512 leaves N = 4 over the rows, M = 1 over the columns: 1 fold.
        // Output-stationary fold R + C + T − 2 = 32 + 64 + 512 − 2 = 606; COMET's closed form keeps 2R + C + T − 2 = 638.
        var (primitive, engineCycles, closedForm) = GemmLeafOf(Load("K", 512));

        Assert.Multiple(() =>
        {
            Assert.That((primitive.RowExtent, primitive.ColumnExtent, primitive.StreamLength), Is.EqualTo((4L, 1L, 512L)));
            Assert.That(primitive.Dataflow, Is.EqualTo(SystolicDataflow.OutputStationary));
            Assert.That(engineCycles, Is.EqualTo(606));
            Assert.That(closedForm, Is.EqualTo(638));
        });
    }

    [Test]
    public void StreamingAWeightDimension_IsInputStationary_AndKeepsTheClosedForm()
    {
        // Reduction N (factor 4): N is not in A(M, K), so A stays; [K, N, M] less 4 leaves K = 512 over the rows
        // (2 folds), M = 1 over the columns (1): 2 × (2·32 + 64 + 4 − 2 = 130) = 260 on both sides.
        var (primitive, engineCycles, closedForm) = GemmLeafOf(Load("N", 4));

        Assert.Multiple(() =>
        {
            Assert.That(primitive.Dataflow, Is.EqualTo(SystolicDataflow.InputStationary));
            Assert.That(engineCycles, Is.EqualTo(260));
            Assert.That(closedForm, Is.EqualTo(260));
        });
    }
}
