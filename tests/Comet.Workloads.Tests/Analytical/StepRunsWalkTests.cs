using Comet.Workloads.Analytical;
using Comet.Workloads.Loop;
using NUnit.Framework;

namespace Comet.Workloads.Tests.Analytical;

/// <summary>The run-length walks of the model equal the plain per-step walks (<see cref="PlainStepWalk"/>) on random structured vectors.</summary>
public class StepRunsWalkTests
{
    [Test]
    public void StepRuns_OfAnArray_HoldItsRunsValuesAndSums()
    {
        var runs = StepRuns.Of([5, 5, 7, 7, 7, 0]);
        Assert.Multiple(() =>
        {
            Assert.That(runs.RunCount, Is.EqualTo(3));
            Assert.That(runs.Length, Is.EqualTo(6));
            Assert.That(runs.Sum(), Is.EqualTo(5 + 5 + 7 + 7 + 7));
            Assert.That(runs.SumRange(1, 4), Is.EqualTo(5 + 7 + 7));
            Assert.That(runs.SumRange(4, 99), Is.EqualTo(7));
            Assert.That(new[] { runs.At(0), runs.At(2), runs.At(5), runs.At(6) }, Is.EqualTo(new long[] { 5, 7, 0, 0 }));
            Assert.That(runs.ToArray(), Is.EqualTo(new long[] { 5, 5, 7, 7, 7, 0 }));
        });
    }

    [Test]
    public void TileMoveSequence_CutOrExtended_MatchesTheStepsCopiedOneByOne()
    {
        var random = new Random(7);
        for (var trial = 0; trial < 300; trial++)
        {
            var steps = RandomReuse(random, random.Next(1, 40));
            var length = random.Next(0, 50);
            var sequence = new TileMoveSequence(4, 2, 1, TileMoveSequence.Resized(Ends(steps), length));
            var expected = Enumerable.Range(0, length).Select(i => i > 0 && i < steps.Length && steps[i]).ToArray();
            Assert.That(Enumerable.Range(0, sequence.Count).Select(sequence.IsReused).ToArray(), Is.EqualTo(expected), $"trial {trial}");
            Assert.That(sequence.MovingSteps, Is.EqualTo(expected.Count(r => !r)));
        }
    }

    [Test]
    public void TransferSteps_InStretches_EqualThePlainStepWalk()
    {
        var random = new Random(11);
        for (var trial = 0; trial < 3000; trial++)
        {
            var tiles = random.Next(1, 60);
            var reusedSteps = RandomReuse(random, tiles);
            var reuse = (long)random.Next(1, 6);
            var everyStep = reuse == 1 || random.Next(2) == 0;
            var pseudo = everyStep ? tiles : tiles / reuse;
            var windows = RandomRuns(random, Math.Max(0, tiles + random.Next(-5, 6)), 40);
            var (dma, readWrite, hide) = (random.Next(2) == 0, random.Next(2) == 0, random.Next(4) != 0);
            var moving = new TileCost(random.Next(0, 30), random.Next(0, 5), random.Next(3) == 0 ? 0 : random.NextDouble());
            var reused = new TileCost(random.Next(0, 3), random.Next(0, 3), random.Next(2) == 0 ? 0 : random.NextDouble());
            var moves = new TileMoveSequence(4, 2, 1, Ends(reusedSteps));
            var schedule = new StepSchedule(moves, reuse, everyStep, dma, readWrite, moving, reused);
            var (stall, moveCycles, cumulative, cumulativeStall) = schedule.Stalls(StepRuns.Of(windows), hide, readWrite ? 1 : -1, pseudo);
            schedule.Ramps(out var rampUp, out var rampDown);
            var plain = PlainStepWalk.Transfer(reusedSteps, reuse, everyStep, dma, readWrite, moving, reused, windows, hide, pseudo);
            var context = $"trial {trial}: tiles {tiles}, r {reuse}, every step {everyStep}, dma {dma}, rw {readWrite}, hide {hide}";
            Assert.That(stall.ToArray(), Is.EqualTo(plain.Stall), context);
            Assert.That(moveCycles.ToArray(), Is.EqualTo(plain.Moves), context);
            Assert.That((cumulative, cumulativeStall, rampUp, rampDown), Is.EqualTo((plain.Cumulative, plain.CumulativeStall, plain.RampUp, plain.RampDown)), context);
            Assert.That(schedule.NocEnergy(), Is.EqualTo(plain.Noc), context); // the same double additions in the same order
        }
    }

    [Test]
    public void PerTargetAndNodeCost_InStretches_EqualThePlainStepWalk()
    {
        var random = new Random(13);
        for (var trial = 0; trial < 2000; trial++)
        {
            var maxIterations = random.Next(1, 40);
            var pairs = new SortedDictionary<(int Target, int Child), List<PortCost[]>>();
            var plainEntries = new List<PlainStepWalk.Entry>();
            for (var p = random.Next(1, 4); p > 0; p--)
            {
                var key = (random.Next(0, 2), random.Next(5, 7));
                if (!pairs.TryGetValue(key, out var list))
                {
                    pairs[key] = list = [];
                }

                list.Add([RandomCost(random, maxIterations), RandomCost(random, maxIterations)]);
            }

            foreach (var ((target, _), list) in pairs)
            {
                for (var port = 0; port < 2; port++)
                {
                    foreach (var cost in list.Where(c => c[port].HasData))
                    {
                        var c = cost[port];
                        plainEntries.Add(new PlainStepWalk.Entry(target, port, c.Window.ToArray(), c.Stall.ToArray(), c.MoveCycles.ToArray(), c.ReuseFactor, c.HideLatency));
                    }
                }
            }

            var noUsage = new Dictionary<int, Dictionary<int, long>>();
            var merged = NodeCombination.PerTarget(pairs, maxIterations, noUsage, _ => false, _ => false);
            var plain = PlainStepWalk.PerTarget(plainEntries, maxIterations);
            var plainNode = new long[maxIterations];
            var targetIndex = 0;
            foreach (var (target, pair) in merged)
            {
                for (var port = 0; port < 2; port++)
                {
                    var (stall, compulsory) = plain.TryGetValue((target, port), out var v) ? v : (new long[maxIterations], new long[maxIterations]);
                    Assert.That(pair[port].Stall.ToArray(), Is.EqualTo(stall), $"trial {trial}: target {target} port {port} stall");
                    Assert.That(pair[port].CompulsoryStall.ToArray(), Is.EqualTo(compulsory), $"trial {trial}: target {target} port {port} compulsory");
                    if (pair[port].ComputeTime == 0)
                    {
                        continue;
                    }

                    for (var i = port; i < maxIterations; i++)
                    {
                        plainNode[i] = targetIndex == 0 ? stall[i] + compulsory[i] : Math.Max(plainNode[i], stall[i] + compulsory[i]);
                    }
                }

                targetIndex++;
            }

            Assert.That(NodeCombination.NodeCost(merged, maxIterations).Stall.ToArray(), Is.EqualTo(plainNode), $"trial {trial}: node");
        }
    }

    [Test]
    public void RemoveOnIdleSteps_InRuns_EqualsTheStepsShrunkOneByOne()
    {
        var random = new Random(17);
        for (var trial = 0; trial < 500; trial++)
        {
            var windows = RandomRuns(random, random.Next(0, 50), 5);
            var (ramp, factor) = (random.Next(0, 4) == 0 ? 1L << 32 : random.Next(0, 7), (long)random.Next(2, 9));
            var expected = (long[])windows.Clone();
            for (long start = 0; start < expected.Length; start += factor)
            {
                for (var i = start + 1; i < start + factor && i < expected.Length; i++)
                {
                    expected[i] = (expected[i] - ramp) & 0xFFFFFFFF;
                }
            }

            Assert.That(ReuseWindows.RemoveOnIdleSteps(StepRuns.Of(windows), ramp, factor).ToArray(), Is.EqualTo(expected), $"trial {trial}");
        }
    }

    // an entry's cost on one port: no data (a quarter of the time) or random runs of windows, stalls and moves
    private static PortCost RandomCost(Random random, long maxIterations)
    {
        if (random.Next(4) == 0)
        {
            return new PortCost();
        }

        var factor = random.Next(1, 4);
        var pseudo = Math.Max(1, maxIterations / factor + random.Next(-1, 2));
        return new PortCost
        {
            ReuseFactor = factor,
            HideLatency = random.Next(3) != 0,
            ComputeTime = random.Next(0, 3),
            Window = StepRuns.Of(RandomRuns(random, Math.Max(1, pseudo + random.Next(-1, 2)), 30)),
            Stall = StepRuns.Of(RandomRuns(random, pseudo, 20)),
            MoveCycles = StepRuns.Of(RandomRuns(random, pseudo, 60)),
        };
    }

    // values in runs of 1–6 steps
    private static long[] RandomRuns(Random random, long length, int maxValue)
    {
        var values = new long[length];
        for (var i = 0; i < length;)
        {
            var value = random.Next(0, maxValue);
            for (var end = Math.Min(length, i + random.Next(1, 7)); i < end; i++)
            {
                values[i] = value;
            }
        }

        return values;
    }

    // per step whether it reuses (step 0 moves): periodic with a random period, with random flips
    private static bool[] RandomReuse(Random random, int steps)
    {
        var period = random.Next(1, 6);
        var flips = random.Next(3) == 0;
        return Enumerable.Range(0, steps).Select(i => i > 0 && ((i % period != 0) ^ (flips && random.Next(5) == 0))).ToArray();
    }

    private static long[] Ends(bool[] reused)
    {
        var ends = new List<long>();
        for (var i = 1; i < reused.Length; i++)
        {
            if (reused[i] != reused[i - 1])
            {
                ends.Add(i);
            }
        }

        if (reused.Length > 0)
        {
            ends.Add(reused.Length);
        }

        return [.. ends];
    }
}
