using NUnit.Framework;

namespace Comet.Sim.Tests;

public class RefStackTests
{
    [Test]
    public void PushesAndPops_GiveTheSameObjectsInTheSameOrder_AsAStack()
    {
        var pool = new RefStack<object>();
        var reference = new Stack<object>();
        var random = new SimRandom(3);
        for (var step = 0; step < 10_000; step++)
        {
            if (random.Next(100) < 55)
            {
                var item = new object();
                pool.Push(item);
                reference.Push(item);
            }
            else
            {
                var popped = pool.TryPop(out var item);
                Assert.That(popped, Is.EqualTo(reference.TryPop(out var expected)));
                Assert.That(item, Is.SameAs(expected));
            }

            Assert.That(pool.Count, Is.EqualTo(reference.Count));
        }
    }
}
