using NUnit.Framework;

namespace Comet.Sim.Tests;

public class RecycledBodyTests
{
    // Waits `steps` timeouts of 3 cycles, logs its end, and goes back to its pool.
    private sealed class Steps(RefStack<Steps> pool) : RecycledBody<Steps>(pool)
    {
        private Simulation _sim = null!;
        private List<long> _ends = null!;
        private int _left;

        public Steps Use(Simulation sim, List<long> ends, int steps)
        {
            (_sim, _ends, _left) = (sim, ends, steps);
            Rearm();
            return this;
        }

        public override bool MoveNext()
        {
            if (_left-- > 0)
            {
                Current = _sim.Timeout(3);
                return true;
            }

            _ends.Add(_sim.Now);
            return Retire();
        }
    }

    [Test]
    public void ABodyRunsOnce_ThenItsPoolHandsTheSameObjectOut_ForTheNextProcess()
    {
        var sim = new Simulation();
        var pool = new RefStack<Steps>();
        var ends = new List<long>();
        var first = new Steps(pool).Use(sim, ends, 2);
        sim.Process(first);
        sim.Run();
        Assert.That(ends, Is.EqualTo(new long[] { 6 }));
        Assert.That(pool.Count, Is.EqualTo(1));
        Assert.That(pool.TryPop(out var spare), Is.True);
        Assert.That(spare, Is.SameAs(first));

        var second = spare!.Use(sim, ends, 3);
        sim.Process(second);
        sim.Run();
        Assert.That(second, Is.SameAs(first));
        Assert.That(ends, Is.EqualTo(new long[] { 6, 15 }));
    }

    [Test]
    public void ASecondEnumerationOfOneUse_IsRefused_UntilTheBodyIsRearmed()
    {
        var sim = new Simulation();
        var body = new Steps(new RefStack<Steps>()).Use(sim, [], 1);
        _ = body.GetEnumerator();
        Assert.That(() => body.GetEnumerator(), Throws.InvalidOperationException.With.Message.Contains("Steps"));
        body.Use(sim, [], 1);
        Assert.That(body.GetEnumerator(), Is.SameAs(body));
    }
}
