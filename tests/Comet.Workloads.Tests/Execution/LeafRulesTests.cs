using Comet.Workloads.Execution;
using NUnit.Framework;

namespace Comet.Workloads.Tests.Execution;

/// <summary>The leaf's rules on a hand-written two-operand leaf: input A changes tile every iteration, output C every second one.</summary>
public class LeafRulesTests
{
    // Four iterations; A uses tiles 0,1,2,3 and C tiles 0,0,1,1; two slots per operand.
    private static LeafRules Rules() => new(2, [false, true], [[0, 1, 2, 3], [0, 0, 1, 1]], [4, 2]);

    [Test]
    public void AMover_FetchesTwoTilesAhead_ThenWaitsForARelease()
    {
        var rules = Rules();
        Assert.That(rules.MayFetch(0, 0) && rules.MayFetch(0, 1), Is.True);
        Assert.That(rules.MayFetch(0, 2), Is.False, "tiles 0 and 1 hold both slots");
        rules.Moved(0, 0);
        Assert.That(rules.Finish(0, 0), Is.True, "iteration 0 is A's tile 0's last use");
        Assert.That(rules.MayFetch(0, 2), Is.True);
        Assert.That(rules.HasTile(0, 3) && !rules.HasTile(0, 4), Is.True);
    }

    [Test]
    public void ComputeStep_WaitsForItsInput_AndAnOutputTileIsHandedOverAfterItsLastIteration()
    {
        var rules = Rules();
        Assert.That(rules.Blocks(0, 0), Is.True, "A's tile 0 is not in");
        Assert.That(rules.Blocks(1, 0), Is.False, "C's first tile has a free slot");
        rules.Moved(0, 0);
        Assert.That(rules.Blocks(0, 0), Is.False);
        Assert.That(rules.Finish(1, 0), Is.False, "C's tile 0 is still used by iteration 1");
        Assert.That(rules.IsHandedOver(1, 0), Is.False);
        Assert.That(rules.Finish(1, 1), Is.True);
        Assert.That(rules.IsHandedOver(1, 0), Is.True);
        Assert.That(rules.Closing, Is.False);
        rules.Close();
        Assert.That(rules.Closing, Is.True);
    }

    [Test]
    public void NewOutputTile_BlocksWhenBothResultSlotsAwaitTheirDrain()
    {
        // One slot: C's tile 1 (iteration 2) may start only once tile 0 is written back.
        var rules = new LeafRules(1, [true], [[0, 0, 1, 1]], [2]);
        Assert.That(rules.Blocks(0, 1), Is.False, "iteration 1 continues tile 0");
        Assert.That(rules.Blocks(0, 2), Is.True);
        rules.Moved(0, 0);
        Assert.That(rules.Blocks(0, 2), Is.False);
    }
}
