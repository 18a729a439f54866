using Comet.Hardware.Components;
using NUnit.Framework;

namespace Comet.Hardware.Tests.Components;

public class RouterInputTests
{
    [Test]
    public void PacketsOnTheLink_CountOnlyOnceArrived_AndLeaveInTheOrderSent()
    {
        // Ten packets sent before any arrives: past the initial capacity, so the FIFO grows while wrapped.
        var input = new RouterInput();
        input.Send(new PacketHead(null!, 0, 0, 0));
        input.Arrive();
        input.Dequeue();
        for (var p = 1; p <= 10; p++)
        {
            input.Send(new PacketHead(null!, p, 0, 0));
        }

        Assert.That(input.Count, Is.Zero);
        var order = new List<int>();
        for (var p = 1; p <= 10; p++)
        {
            input.Arrive();
            Assert.That(input.Count, Is.EqualTo(1));
            order.Add(input.Head.Packet);
            input.Dequeue();
        }

        Assert.That(order, Is.EqualTo(Enumerable.Range(1, 10)));
        Assert.That(input.Count, Is.Zero);
    }
}
