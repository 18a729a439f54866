using Comet.Hardware.Components;
using Comet.Sim;
using NUnit.Framework;

namespace Comet.Hardware.Tests.Components;

public class SleeperHeapTests
{
    [Test]
    public void RandomAddsAndRemoves_EarliestIsTheSmallestWakeUpOfTheFlowsStillAsleep()
    {
        var heap = new SleeperHeap();
        var random = new SimRandom(7);
        var asleep = new List<PacketFlow>();
        var spare = Enumerable.Range(0, 200).Select(i => new PacketFlow(i)).ToList();
        Assert.That(heap.Earliest, Is.EqualTo(long.MaxValue));
        for (var step = 0; step < 20_000; step++)
        {
            if (spare.Count > 0 && (asleep.Count == 0 || random.Next(100) < 55))
            {
                var flow = spare[^1];
                spare.RemoveAt(spare.Count - 1);
                // Few distinct cycles, so equal wake-ups are common.
                flow.SleepUntil = random.Next(40);
                heap.Add(flow);
                asleep.Add(flow);
            }
            else
            {
                var flow = asleep[random.Next(asleep.Count)];
                heap.Remove(flow);
                Assert.That(flow.SleeperIndex, Is.EqualTo(-1));
                asleep.Remove(flow);
                spare.Add(flow);
            }

            Assert.That(heap.Earliest, Is.EqualTo(asleep.Count == 0 ? long.MaxValue : asleep.Min(f => f.SleepUntil)), $"step {step}");
        }
    }
}
