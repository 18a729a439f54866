using Comet.Hardware.Components;
using Comet.Reports.Compare;
using Comet.Reports.Sweeps;
using Comet.Workloads.Collectives;
using Comet.Workloads.Execution;
using NUnit.Framework;

namespace Comet.Reports.Tests.Compare;

/// <summary>The gap's attribution: the parts add up to the gap, and the network switch gives the cut-through vs store-and-forward difference.</summary>
public class CompareSweepTests
{
    [Test]
    public void Of_HandNumbers_PartsAndResidualAddUpToTheGap()
    {
        // analytic 100, simulated 130; switched runs 150 and 120: shares 130 − 150 = −20 and 130 − 120 = 10, residual 30 − (−10) = 40.
        var a = GapAttribution.Of(100, 130, [150, 120]);
        Assert.That(a.Mechanisms, Is.EqualTo(new double?[] { -20, 10 }));
        Assert.That(a.Residual, Is.EqualTo(40));
    }

    [Test]
    public void Of_AFailedSwitchedRun_LeavesItsShareAndTheResidualEmpty()
    {
        var a = GapAttribution.Of(100, 130, [null]);
        Assert.That(a.Mechanisms, Is.EqualTo(new double?[] { null }));
        Assert.That(a.Residual, Is.Null);
    }

    [Test]
    public void Run_GemmOnlyWithSerialTransfers_NetworkShareIsCutThroughMinusStoreAndForward()
    {
        // With serial transfers, direct collectives, lock-step instances and no reuse (the formula's assumptions already), gemm_only simulates in
        // 3 065 227 cycles cut-through and 3 720 898 store-and-forward (docs/simulator.md): the network's share of the
        // gap is 3 065 227 − 3 720 898 = −655 671 cycles, the switches already at the formula's assumption explain
        // nothing, and the residual is the rest of the gap.
        var folder = ReferenceCases.Case("gemm_only");
        if (!Directory.Exists(folder))
        {
            Assert.Inconclusive("gemm_only is not on this machine");
        }

        var c = new ValidationCase("gemm_only", folder, "gemm", NocEnergy: false);
        var baseline = ExecutionOptions.Default with { Transfers = TransferMode.Serial, Collectives = CollectiveAlgorithmChoice.Direct, Instances = InstanceSync.Lockstep, Reuse = TileReuse.None, Prefetch = PrefetchMode.None };
        var r = CompareSweep.Run([c], ValidationSweep.DefaultMaxEvents, 2, null, CancellationToken.None, baseline).Single();
        var names = FormulaAssumptions.All.Select(s => s.Name).ToList();
        var network = names.IndexOf("network");
        Assert.That(r.Attribution.Mechanisms[names.IndexOf("transfers")], Is.Zero);
        Assert.That(r.Attribution.Mechanisms[names.IndexOf("collectives")], Is.Zero);
        Assert.That(r.Attribution.Mechanisms[names.IndexOf("instances")], Is.Zero);
        Assert.That(r.Attribution.Mechanisms[names.IndexOf("reuse")], Is.Zero);

        // The three switches already at the formula's assumption are not re-run (the run shows they change nothing);
        // the network and transfers switches are.
        Assert.That(r.NotRerun![names.IndexOf("collectives")], Is.EqualTo("no collective ran"));
        Assert.That(r.NotRerun[names.IndexOf("instances")], Does.StartWith("no node ran its instances in free lanes"));
        Assert.That(r.NotRerun[names.IndexOf("reuse")], Is.EqualTo("no tile was kept or prefetched for a next invocation"));
        Assert.That(r.NotRerun[network], Is.Null);
        Assert.That(r.NotRerun[names.IndexOf("transfers")], Is.Null);
        Assert.That(CompareMarkdown.Write([r]), Does.Contain("| gemm_only | reuse | no tile was kept or prefetched for a next invocation |"));
        Assert.That(CompareJson.Write([r]), Does.Contain("\"not_rerun\""));
        Assert.That(r.Run.SimulatedCycles, Is.EqualTo(3_065_227));
        Assert.That(r.Switched[network].SimulatedCycles, Is.EqualTo(3_720_898));
        Assert.That(r.Attribution.Mechanisms[network], Is.EqualTo(-655_671));
        Assert.That(r.Attribution.Residual + r.Attribution.Mechanisms.Sum(m => m!.Value), Is.EqualTo(r.Run.SimulatedCycles - r.Run.AnalyticTotalCycles));
        Assert.That(r.Components.Select(x => x.Kind), Does.Contain("node").And.Contain("level"));

        var csv = CompareCsv.Write([r]).Split('\n');
        Assert.That(csv[0], Does.StartWith("case,family,kind,name,detail,analytic_cycles,simulated_cycles,error_pct,network,"));
        Assert.That(csv[1], Does.StartWith("gemm_only,gemm,total,gemm_only,total cycles,"));
        Assert.That(csv[1], Does.Contain(",3065227,"));
        Assert.That(CompareJson.Write([r]), Does.Contain("\"network\": -655671"));
        Assert.That(CompareMarkdown.Write([r]), Does.Contain("| gemm_only |").And.Contain("-655 671"));
    }

    [TestCase("gemm_only")]
    [TestCase("ex_base")]
    public void SameRun_ASwitchNotReRunGivesTheSameRunWhenRunAnyway(string name)
    {
        // Proof by example of FormulaAssumption.SameRun: every switch the run with every mechanism on declares a no-op,
        // simulated anyway, gives the same cycles, energy and units.
        var folder = ReferenceCases.Case(name);
        if (!Directory.Exists(folder))
        {
            Assert.Inconclusive($"{name} is not on this machine");
        }

        var prepared = ValidationSweep.Prepare(new ValidationCase(name, folder, "ex", NocEnergy: false));
        var baseline = ValidationSweep.Simulate(prepared, ValidationSweep.DefaultMaxEvents, CancellationToken.None);
        var checkedOne = false;
        foreach (var s in FormulaAssumptions.All)
        {
            if (s.SameRun?.Invoke(baseline.Activity!) is null)
            {
                continue;
            }

            var switched = ValidationSweep.Simulate(prepared, ValidationSweep.DefaultMaxEvents, CancellationToken.None, s.Apply(ExecutionOptions.Default));
            Assert.That(switched.SimulatedCycles, Is.EqualTo(baseline.SimulatedCycles), s.Name);
            Assert.That(switched.SimulatedEnergyPj, Is.EqualTo(baseline.SimulatedEnergyPj), s.Name);
            checkedOne = true;
        }

        Assert.That(checkedOne, Is.True, "at least one switch is a no-op on these cases");
    }
}
