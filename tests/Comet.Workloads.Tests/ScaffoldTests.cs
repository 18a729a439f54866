using NUnit.Framework;

namespace Comet.Workloads.Tests;

public class ScaffoldTests
{
    [Test]
    public void ArithmeticHolds() => Assert.That(typeof(ScaffoldTests).Namespace, Does.StartWith("Comet"));
}
