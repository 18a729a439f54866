using Comet.Workloads.Execution;
using NUnit.Framework;

namespace Comet.Workloads.Tests.Execution;

public class LeafStreamTests
{
    [Test]
    public void OneInputOneOutput_DoubleBuffered_OverlapsMovesWithCompute()
    {
        // 4 iterations, one tile each. Input moves take 3 cycles on port 0, drains 2 on port 1, compute 5, 2 slots.
        // In: [0,3] [3,6] then tile 2 waits for tile 0's release at 8: [8,11], tile 3 for tile 1's at 13: [13,16].
        // Compute: [3,8] [8,13] [13,18] [18,23]. Drains: [8,10] [13,15] [18,20] [23,25] → the invocation takes 25.
        var ordinal = new[] { 0, 1, 2, 3 };
        var entries = new[]
        {
            new LeafStreamEntry(false, ordinal, 4, [0], [3]),
            new LeafStreamEntry(true, ordinal, 4, [1], [2]),
        };

        var s = LeafStream.Run(4, 5, 2, entries, [1, 1]);

        Assert.That(s.End, Is.EqualTo(25));
        Assert.That((s.ComputeFirst, s.ComputeLast, s.ComputeBusy), Is.EqualTo((3L, 23L, 20L)));
        Assert.That((s.PortFirst[0], s.PortLast[0], s.PortBusy[0]), Is.EqualTo((0L, 16L, 12L)));
        Assert.That((s.PortFirst[1], s.PortLast[1], s.PortBusy[1]), Is.EqualTo((8L, 25L, 8L)));
    }

    [Test]
    public void TwoOperandsOnOnePort_MakeTheStepPortBound()
    {
        // C and D take turns on one port (1 cycle each), compute takes 1: C0 [0,1], D0 [1,2], compute 0 [2,3] while
        // C1 moves; D1 [3,4], compute 1 [4,5]; D2 [5,6], compute 2 [6,7]. One step every 2 cycles, as the SUB leaf of
        // the cloud case (16 steps: 2·16 + 2 = 34 cycles).
        var ordinal = new[] { 0, 1, 2 };
        var entries = new[]
        {
            new LeafStreamEntry(false, ordinal, 3, [0], [1]),
            new LeafStreamEntry(false, ordinal, 3, [0], [1]),
        };

        var s = LeafStream.Run(3, 1, 2, entries, [1]);

        Assert.That(s.End, Is.EqualTo(7));
        Assert.That((s.ComputeFirst, s.ComputeLast, s.ComputeBusy), Is.EqualTo((2L, 7L, 3L)));
        Assert.That((s.PortFirst[0], s.PortLast[0], s.PortBusy[0]), Is.EqualTo((0L, 6L, 6L)));
    }

    [Test]
    public void ReusedTile_IsMovedOnce()
    {
        // A weight tile reused by 3 consecutive iterations moves once (4 cycles); compute 2 each: [4,6] [6,8] [8,10].
        var entries = new[] { new LeafStreamEntry(false, [0, 0, 0], 1, [0], [4]) };

        var s = LeafStream.Run(3, 2, 2, entries, [1]);

        Assert.That(s.End, Is.EqualTo(10));
        Assert.That(s.PortBusy[0], Is.EqualTo(4));
    }

    [Test]
    public void PairMove_HoldsBothPorts_AndIsPacedByTheSlower()
    {
        // A move holds port 0 for 2 and port 1 for 5 together: tiles at [0,5] and [5,10]; compute 1 after each.
        var ordinal = new[] { 0, 1 };
        var entries = new[] { new LeafStreamEntry(false, ordinal, 2, [0, 1], [2, 5]) };

        var s = LeafStream.Run(2, 1, 2, entries, [1, 1]);

        Assert.That(s.End, Is.EqualTo(11));
        Assert.That((s.ComputeFirst, s.ComputeLast), Is.EqualTo((5L, 11L)));
        Assert.That((s.PortBusy[0], s.PortLast[0]), Is.EqualTo((4L, 7L)));
        Assert.That((s.PortBusy[1], s.PortLast[1]), Is.EqualTo((10L, 10L)));
    }
}
