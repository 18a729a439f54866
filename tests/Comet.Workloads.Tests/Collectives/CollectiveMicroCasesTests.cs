using Comet.Workloads.Collectives;
using NUnit.Framework;

namespace Comet.Workloads.Tests.Collectives;

/// <summary>Every collective algorithm alone on an idle 2×2, 4×4 and 1×16 mesh takes exactly its textbook α-β-γ cost; the direct schedules take longer than their contention-free form.</summary>
public class CollectiveMicroCasesTests
{
    private static readonly Lazy<IReadOnlyList<Comet.Hardware.Micro.MicroCase>> Cases = new(CollectiveMicroCases.All);

    [Test]
    public void EveryCase_Holds()
    {
        foreach (var c in Cases.Value)
        {
            TestContext.Out.WriteLine($"{c.Name}\t{c.ExpectedCycles}\t{c.SimulatedCycles}\t{c.Formula}");
        }

        Assert.That(Cases.Value.Where(c => !c.Holds).Select(c => $"{c.Name}: {c.SimulatedCycles} vs {c.ExpectedCycles}"), Is.Empty);
        Assert.That(Cases.Value, Has.Count.EqualTo(30));
    }

    // Hand-derived (h = 5, β = 1/128, P = 256, γ = 1/64, n = 64 KiB): e.g. ring all-reduce on 4×4, chunks of 4 096 B:
    // α = 1·5 + 4096/256 = 21, ⌈4096/128⌉ = 32, ⌈2048/64⌉ = 32 → 2·15·(21 + 32) + 15·32 = 2 070.
    [TestCase("allreduce-ring-2x2", 1566)]
    [TestCase("allgather-ring-2x2", 2319)]
    [TestCase("reducescatter-ring-2x2", 975)]
    [TestCase("allreduce-2d-2x2", 1556)]
    [TestCase("allgather-2d-2x2", 2314)]
    [TestCase("reducescatter-2d-2x2", 970)]
    [TestCase("broadcast-binomial-2x2", 1546)]
    [TestCase("reduce-tree-2x2", 2570)]
    [TestCase("broadcast-multicast-2x2", 778)]
    [TestCase("allreduce-ring-4x4", 2070)]
    [TestCase("allgather-ring-4x4", 11595)]
    [TestCase("reducescatter-ring-4x4", 1275)]
    [TestCase("allreduce-2d-4x4", 2040)]
    [TestCase("allgather-2d-4x4", 11580)]
    [TestCase("reducescatter-2d-4x4", 1260)]
    [TestCase("broadcast-binomial-4x4", 3102)]
    [TestCase("reduce-tree-4x4", 5150)]
    [TestCase("broadcast-multicast-4x4", 798)]
    [TestCase("allreduce-ring-1x16", 2220)]
    [TestCase("allgather-ring-1x16", 11670)]
    [TestCase("reducescatter-ring-1x16", 1350)]
    [TestCase("allreduce-2d-1x16", 2220)]
    [TestCase("allgather-2d-1x16", 11670)]
    [TestCase("reducescatter-2d-1x16", 1350)]
    [TestCase("broadcast-binomial-1x16", 3147)]
    [TestCase("reduce-tree-1x16", 5195)]
    [TestCase("broadcast-multicast-1x16", 843)]
    public void Case_SimulatesItsClosedFormExactly(string name, long cycles)
    {
        var c = Cases.Value.Single(m => m.Name == name);
        Assert.That(c.ExpectedCycles, Is.EqualTo(cycles), c.Formula);
        Assert.That(c.SimulatedCycles, Is.EqualTo(cycles), c.Formula);
    }

    [TestCase("contention-allreduce-direct-2x2", 3604, 4111)]
    [TestCase("contention-allreduce-direct-4x4", 12860, 18467)]
    [TestCase("contention-allreduce-direct-1x16", 12950, 20048)]
    public void DirectAllReduce_TakesLongerThanItsContentionFreeForm(string name, long contentionFree, long simulated)
    {
        // 4×4: ⌈15·65536/256⌉ + 6·5 + 512 + ⌈15·32768/64⌉ + 256 + 6·5 + 512 = 12 860; every tile enters the root through one port.
        var c = Cases.Value.Single(m => m.Name == name);
        Assert.That(c.ExpectedCycles, Is.EqualTo(contentionFree));
        Assert.That(c.SimulatedCycles, Is.EqualTo(simulated));
        Assert.That(c.Holds, Is.True);
    }
}
