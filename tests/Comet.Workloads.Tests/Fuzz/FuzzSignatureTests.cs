using Comet.Fuzzing;
using NUnit.Framework;

namespace Comet.Workloads.Tests.Fuzz;

public class FuzzSignatureTests
{
    [Test]
    public void Of_ExceptionThrownInsideLinq_NamesTheCometFrame()
    {
        Exception? caught = null;
        try
        {
            _ = new[] { 1, 0 }.Select(Divide).ToArray();
        }
        catch (DivideByZeroException e)
        {
            caught = e;
        }

        var signature = FuzzSignature.Of(caught!);
        Assert.That(signature, Does.StartWith("System.DivideByZeroException at Comet.Workloads.Tests.Fuzz.FuzzSignatureTests"));
        Assert.That(signature, Does.Not.Contain(" in "), "file and line are left out, so one bug is one signature across builds");
    }

    [Test]
    public void Of_NeverThrown_HasNoFrame()
        => Assert.That(FuzzSignature.Of(new InvalidOperationException("x")), Is.EqualTo("System.InvalidOperationException at (no frame)"));

    private static int Divide(int d) => 10 / d;
}
