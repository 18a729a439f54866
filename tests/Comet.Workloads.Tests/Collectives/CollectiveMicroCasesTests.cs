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
}
