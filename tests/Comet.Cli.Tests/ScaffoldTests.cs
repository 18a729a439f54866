using NUnit.Framework;

namespace Comet.Cli.Tests;

public class ScaffoldTests
{
    [Test]
    public void ArithmeticHolds() => Assert.That(typeof(ScaffoldTests).Namespace, Does.StartWith("Comet"));
}
