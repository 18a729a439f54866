using Comet.Cli.Cancellation;
using NUnit.Framework;

namespace Comet.Cli.Tests;

public class CtrlCTests
{
    [Test]
    public void Press_FirstKeepsTheProcessAliveAndCancels_SecondLetsItDie()
    {
        using var ctrlC = CtrlC.Detached();
        Assert.That(ctrlC.StopRequested, Is.False);
        Assert.That(ctrlC.Press(), Is.True);
        Assert.That(ctrlC.Token.IsCancellationRequested, Is.True);
        Assert.That(ctrlC.Press(), Is.False);
    }
}
