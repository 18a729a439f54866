using NUnit.Framework;

namespace Comet.Hardware.Tests;

public class ScaffoldTests
{
    [Test]
    public void ArithmeticHolds() => Assert.That(typeof(ScaffoldTests).Namespace, Does.StartWith("Comet"));
}
