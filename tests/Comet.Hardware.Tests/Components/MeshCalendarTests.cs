using Comet.Hardware.Components;
using NUnit.Framework;

namespace Comet.Hardware.Tests.Components;

public class MeshCalendarTests
{
    [TestCase(256)]
    [TestCase(40)]
    [TestCase(1)]
    public void Entries_ComeOutByCycleThenInsertionOrder_NearAndFarAlike(long horizon)
    {
        // Index records the insertion order; cycles 300 and 1000 lie beyond the wheel (256, 64 or 16 cycles) when pushed,
        // and with the shorter wheels cycle 7 or 5 and 7 do too.
        var calendar = new MeshCalendar(horizon);
        Assert.That(calendar.WheelSize, Is.EqualTo(horizon switch { 256 => 256, 40 => 64, _ => 16 }));
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

    [Test]
    public void ShortWheel_KeepsOrderAcrossManyLaps()
    {
        // Pushes 0 to 39 cycles ahead (on the 16-slot wheel and past it) for 200 laps; every pop must come out in
        // (cycle, insertion) order, checked against a sorted reference.
        var calendar = new MeshCalendar(16);
        var random = new Random(7);
        var pending = new List<(long Time, int Index)>();
        var now = 0L;
        var next = 0;
        for (var step = 0; step < 3200; step++)
        {
            for (var k = random.Next(3); k > 0; k--)
            {
                var time = now + random.Next(40);
                calendar.Push(time, MeshEventKind.Arrive, next);
                pending.Add((time, next++));
            }

            now++;
            while (calendar.TryPopDue(now, out var e))
            {
                var expected = pending.OrderBy(p => p.Time).ThenBy(p => p.Index).First();
                Assert.That((e.Time, e.Index), Is.EqualTo(expected));
                pending.Remove(expected);
            }
        }

        Assert.That(pending.All(p => p.Time > now), Is.True);
    }
}
