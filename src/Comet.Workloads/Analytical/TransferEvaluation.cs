using Comet.Hardware.Specs;
using Comet.Workloads.Loop;

namespace Comet.Workloads.Analytical;

/// <summary>Turns the tile moves of one entry into per-step stall/window vectors (the tool's get_target_child_cost and Evaluate, §5.3–5.4).</summary>
public static class TransferEvaluation
{
    /// <summary>Evaluates an entry against a window vector; returns the (read, write) port pair with the entry on its port.</summary>
    /// <param name="arch">The architecture.</param>
    /// <param name="node">The loop node.</param>
    /// <param name="entryIndex">The entry.</param>
    /// <param name="stepWindow">Window per step of the child (leaf: RTS·compute latency; memory: the child group's cost).</param>
    /// <param name="hide">Whether transfers may hide under the window.</param>
    /// <param name="windows">The per-step window vector (length = the node's max iterations).</param>
    /// <param name="nocEnergy">Whether to compute NoC energy.</param>
    public static PortCost[] Evaluate(ArchitectureSpec arch, LoopNestNode node, int entryIndex, long stepWindow, bool hide, long[] windows, bool nocEnergy)
    {
        var entry = node.Entries[entryIndex];
        var moves = node.Moves[entryIndex];
        var port = entry.Port;
        var pair = PortCost.EmptyPair();
        var cost = pair[port];
        var differentIterations = node.DifferentIterations;
        var actual = node.ActualIterations(entryIndex);
        if (actual == 0)
        {
            throw new InvalidOperationException($"{node.Node.Name}: tensor entry {entryIndex} never moves a tile");
        }

        var reuse = entry.Iterations / actual;
        if (reuse == 0)
        {
            reuse = 1;
        }

        cost.Window = GC.AllocateUninitializedArray<long>(checked((int)actual)); // filled next
        Array.Fill(cost.Window, stepWindow * reuse);
        cost.ReuseFactor = reuse;
        cost.EntryIndex = entryIndex;
        // the window of a unique tile sums the next r steps' windows (at i mod r = 0; 0 on the other steps), so over
        // all steps the windows sum to the child windows' sum: every step lies in one unique tile's r steps
        long total = 0;
        foreach (var w in windows)
        {
            total += w;
        }

        cost.ComputeTime = total;
        cost.HideLatency = hide;
        var target = arch.Levels[entry.TargetLevelId];
        var child = arch.Levels[entry.ChildLevelId];
        var network = arch.NetworkBetween(target.Id, child.Id)
            ?? throw new InvalidOperationException($"no network from '{target.Name}' to '{child.Name}'");
        var dmaContiguous = target.Memory?.DmaContiguous ?? false;
        var tiles = moves.Count;
        var pseudo = differentIterations ? tiles : tiles / reuse;
        cost.Stall = new long[pseudo];
        cost.MoveCycles = new long[pseudo];
        cost.CompulsoryStall = [];
        cost.TileSize = tiles > 0 ? moves[0].Elements : 0;
        cost.AccessCount = pseudo;
        var offset = entry.ReadWrite ? 1 : -1;
        // a sequence holds two moves only (a step moves its tiles or reuses the previous ones), so each is costed once
        TileCost? movingCost = null;
        TileCost? reusedCost = null;
        var stalls = cost.Stall;
        var moveCycles = cost.MoveCycles;
        double nocPj = 0;
        long cumulative = 0, cumulativeStall = 0;
        var everyStep = differentIterations || reuse == 1;
        long unique = 0, withinUnique = 0; // i / reuse and i % reuse, kept by counting
        for (var i = 0; i < tiles; i++, withinUnique++)
        {
            if (withinUnique == reuse)
            {
                withinUnique = 0;
                unique++;
            }

            var tile = moves.IsReused(i)
                ? reusedCost ??= TileMoveCost.Evaluate(target, child, network, moves[i], entry.ReadWrite, entry.ReadModifyWrite, entry.PrecisionBits, nocEnergy)
                : movingCost ??= TileMoveCost.Evaluate(target, child, network, moves[i], entry.ReadWrite, entry.ReadModifyWrite, entry.PrecisionBits, nocEnergy);
            var latency = !dmaContiguous || i == 0 || i == tiles - 1 ? tile.Total : tile.MemoryCycles;
            long window = 0;
            if (reuse == 1)
            {
                window = i < windows.Length ? windows[i] : 0;
            }
            else if (withinUnique == 0)
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

            nocPj += tile.NocEnergyPj;
            if (entry.ReadWrite && i == tiles - reuse)
            {
                cost.RampDown = latency;
                continue;
            }

            if (i == 0 && !entry.ReadWrite)
            {
                cost.RampUp = latency;
                continue;
            }

            // a step of its own: every step when iterations differ, else the first step of each unique tile
            if (everyStep || withinUnique == 0)
            {
                var at = (everyStep ? i : unique) + offset;
                if (at >= 0 && at < pseudo)
                {
                    stalls[at] = stall;
                    moveCycles[at] = latency;
                }

                cumulative += latency;
                cumulativeStall += stall;
            }
        }

        cost.NocEnergy = nocPj;
        cost.Cumulative = cumulative;
        cost.CumulativeStall = cumulativeStall;
        return pair;
    }
}
