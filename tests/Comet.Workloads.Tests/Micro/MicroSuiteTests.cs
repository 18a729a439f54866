using Comet.Workloads.Micro;
using NUnit.Framework;

namespace Comet.Workloads.Tests.Micro;

public class MicroSuiteTests
{
    [Test]
    public void Run_GivesEveryFamilysCasesInRegistryOrder_AndEveryCaseHolds()
    {
        var cases = MicroSuite.Run();
        var expected = MicroSuite.Sources.SelectMany(s => s.Run()).Select(c => c.Name).ToList();

        Assert.That(cases.Select(c => c.Name), Is.EqualTo(expected));
        Assert.That(cases.Select(c => c.Name), Is.Unique);
        Assert.That(cases.Where(c => !c.Holds).Select(c => c.Name), Is.Empty);
        Assert.That(cases.Count(c => c.IsContention), Is.GreaterThanOrEqualTo(3), "two flows on one link, a hotspot, a scatter from a corner");
    }

    [Test]
    public void Sources_HaveDistinctNames() =>
        Assert.That(MicroSuite.Sources.Select(s => s.Name), Is.Unique);
}
