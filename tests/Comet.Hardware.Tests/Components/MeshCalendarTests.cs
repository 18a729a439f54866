using Comet.Hardware.Components;
using NUnit.Framework;

namespace Comet.Hardware.Tests.Components;

public class MeshCalendarTests
{
    [Test]
    public void Entries_ComeOutByCycleThenInsertionOrder_NearAndFarAlike()
    {
        // Index records the insertion order; cycles 300 and 1000 lie beyond the 256-cycle wheel when pushed.
        var calendar = new MeshCalendar();
        long[] times = [300, 5, 5, 1000, 300, 7];
        for (var i = 0; i < times.Length; i++)
        {
            calendar.Push(times[i], MeshEventKind.Arrive, i);
        }

        Assert.That(calendar.NextTime, Is.EqualTo(5));
        var order = new List<(long, int)>();
        while (calendar.TryPopDue(long.MaxValue - 1, out var e))
        {
            order.Add((e.Time, e.Index));
            if (e.Index == 0)
            {
                calendar.Push(300, MeshEventKind.Arrive, 6); // pushed at 300 itself: after the two far ones of that cycle
            }
        }

        Assert.That(order, Is.EqualTo(new[] { (5L, 1), (5L, 2), (7L, 5), (300L, 0), (300L, 4), (300L, 6), (1000L, 3) }));
        Assert.That(calendar.NextTime, Is.EqualTo(long.MaxValue));
    }

    [Test]
    public void TryPopDue_LeavesLaterEntries()
    {
        var calendar = new MeshCalendar();
        calendar.Push(10, MeshEventKind.Arrive, 0);
        Assert.That(calendar.TryPopDue(9, out _), Is.False);
        Assert.That(calendar.TryPopDue(10, out var e), Is.True);
        Assert.That(e.Index, Is.Zero);
        Assert.That(calendar.Count, Is.Zero);
    }
}
