using Comet.Examples.MachineShop;
using NUnit.Framework;

namespace Comet.Sim.Tests;

public class MachineShopTests
{
    [Test]
    public void TwoMachinesOneRepairman_In100Cycles_MakeTheHandDerivedParts()
    {
        var result = MachineShop.Run(100, 2);

        // Derivation in MachineShop's remarks: failures at 25, 50, 75; machine 0 is repaired first each time.
        Assert.That(result.Parts, Is.EqualTo(new[] { 7, 5 }));
        Assert.That(result.FinishTimes[0], Is.EqualTo(new long[] { 10, 20, 37, 47, 64, 74, 91 }));
        Assert.That(result.FinishTimes[1], Is.EqualTo(new long[] { 10, 20, 44, 68, 92 }));
        Assert.That(result.RepairmanUtilization, Is.EqualTo(0.42).Within(1e-12));
    }
}
