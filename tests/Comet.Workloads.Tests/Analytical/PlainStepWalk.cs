using Comet.Workloads.Analytical;

namespace Comet.Workloads.Tests.Analytical;

/// <summary>The model's per-step walks one step at a time over plain arrays (as the tool writes them), to hold the run-length walks against.</summary>
internal static class PlainStepWalk
{
    /// <summary>One entry's per-step stall and move vectors, their sums, ramps and NoC energy (the tool's Evaluate loop).</summary>
    public static (long[] Stall, long[] Moves, long Cumulative, long CumulativeStall, long RampUp, long RampDown, double Noc) Transfer(
        bool[] reusedSteps, long reuse, bool everyStep, bool dma, bool readWrite, TileCost moving, TileCost reused, long[] windows, bool hide, long pseudo)
    {
        var tiles = reusedSteps.Length;
        var stalls = new long[pseudo];
        var moveCycles = new long[pseudo];
        var offset = readWrite ? 1 : -1;
        long cumulative = 0, cumulativeStall = 0, rampUp = 0, rampDown = 0;
        double noc = 0;
        for (var i = 0; i < tiles; i++)
        {
            var tile = reusedSteps[i] ? reused : moving;
            var latency = !dma || i == 0 || i == tiles - 1 ? tile.Total : tile.MemoryCycles;
            long window = 0;
            if (reuse == 1)
            {
                window = i < windows.Length ? windows[i] : 0;
            }
            else if (i % reuse == 0)
            {
                for (var j = i; j < i + reuse && j < windows.Length; j++)
                {
                    window += windows[j];
                }
            }

            var stall = latency == 0 ? 0 : latency - window;
            if (!hide)
            {
                stall = latency;
            }

            noc += tile.NocEnergyPj;
            if (readWrite && i == tiles - reuse)
            {
                rampDown = latency;
                continue;
            }

            if (i == 0 && !readWrite)
            {
                rampUp = latency;
                continue;
            }

            if (everyStep || i % reuse == 0)
            {
                var at = (everyStep ? i : i / reuse) + offset;
                if (at >= 0 && at < pseudo)
                {
                    stalls[at] = stall;
                    moveCycles[at] = latency;
                }

                cumulative += latency;
                cumulativeStall += stall;
            }
        }

        return (stalls, moveCycles, cumulative, cumulativeStall, rampUp, rampDown, noc);
    }

    /// <summary>One entry on one target port, as arrays.</summary>
    public sealed record Entry(int Target, int Port, long[] Window, long[] Stall, long[] Moves, long ReuseFactor, bool Hide);

    /// <summary>The merged stall and compulsory-stall vectors per (target, port), entries in order, windows of tensors sharing a port consumed in order (the tool's get_node1_node2_cost).</summary>
    public static Dictionary<(int, int), (long[] Stall, long[] Compulsory)> PerTarget(IReadOnlyList<Entry> entries, long maxIterations)
    {
        var result = new Dictionary<(int, int), (long[] Stall, long[] Compulsory)>();
        var windows = entries.Select(e => (long[])e.Window.Clone()).ToArray();
        var index = new int[entries.Count];
        var perTarget = new Dictionary<int, int>();
        for (var s = 0; s < entries.Count; s++)
        {
            perTarget.TryGetValue(entries[s].Target, out var k);
            index[s] = k;
            perTarget[entries[s].Target] = k + 1;
            result.TryAdd((entries[s].Target, 0), (new long[maxIterations], new long[maxIterations]));
            result.TryAdd((entries[s].Target, 1), (new long[maxIterations], new long[maxIterations]));
        }

        for (var s = 0; s < entries.Count; s++)
        {
            var entry = entries[s];
            var (mergedStall, mergedCompulsory) = result[(entry.Target, entry.Port)];
            var factor = entry.ReuseFactor;
            var own = windows[s];
            var iterations = Math.Min(maxIterations, own.Length);
            for (long i = entry.Port; i < iterations; i++)
            {
                var moved = i < entry.Moves.Length ? entry.Moves[i] : 0;
                var stallAt = i < entry.Stall.Length ? entry.Stall[i] : 0;
                var ownShare = own[i] / factor;
                var share = moved / factor;
                var first = i * factor;
                if (!entry.Hide && i < entry.Window.Length)
                {
                    for (var m = first; m < Math.Min(first + factor, maxIterations); m++)
                    {
                        mergedCompulsory[m] += stallAt;
                    }
                }

                if (share - ownShare > 0)
                {
                    for (var m = first; m < Math.Min(first + factor, maxIterations); m++)
                    {
                        mergedStall[m] += share - ownShare;
                    }
                }

                if (!entry.Hide || share == 0)
                {
                    continue;
                }

                for (var o = 0; o < entries.Count; o++)
                {
                    if (entries[o].Target != entry.Target || entries[o].Port != entry.Port || index[o] == index[s])
                    {
                        continue;
                    }

                    var otherFactor = Math.Max(entries[o].ReuseFactor, 1);
                    for (var m = first; m < first + factor; m++)
                    {
                        var n = m / otherFactor;
                        if (n < windows[o].Length)
                        {
                            windows[o][n] = Math.Max(0, windows[o][n] - share);
                        }
                    }
                }
            }
        }

        return result;
    }
}
