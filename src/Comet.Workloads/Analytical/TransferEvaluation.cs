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
    public static PortCost[] Evaluate(ArchitectureSpec arch, LoopNestNode node, int entryIndex, long stepWindow, bool hide, StepRuns windows, bool nocEnergy)
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

        cost.Window = StepRuns.Constant(stepWindow * reuse, actual);
        cost.ReuseFactor = reuse;
        cost.EntryIndex = entryIndex;
        // the window of a unique tile sums the next r steps' windows (at i mod r = 0; 0 on the other steps), so over
        // all steps the windows sum to the child windows' sum: every step lies in one unique tile's r steps
        cost.ComputeTime = windows.Sum();
        cost.HideLatency = hide;
        var target = arch.Levels[entry.TargetLevelId];
        var child = arch.Levels[entry.ChildLevelId];
        var network = arch.NetworkBetween(target.Id, child.Id)
            ?? throw new InvalidOperationException($"no network from '{target.Name}' to '{child.Name}'");
        var tiles = moves.Count;
        var pseudo = differentIterations ? tiles : tiles / reuse;
        cost.CompulsoryStall = StepRuns.Empty;
        cost.TileSize = tiles > 0 ? moves[0].Elements : 0;
        cost.AccessCount = pseudo;
        var runs = moves.RunEnds;
        // a sequence holds two moves only (a step moves its tiles or reuses the previous ones), so each is costed once
        var moving = tiles > 0 ? TileMoveCost.Evaluate(target, child, network, moves[0], entry.ReadWrite, entry.ReadModifyWrite, entry.PrecisionBits, nocEnergy) : default;
        var reused = runs.Length > 1
            ? TileMoveCost.Evaluate(target, child, network, new TileMove(moves.Elements, 0, moves.FanOut), entry.ReadWrite, entry.ReadModifyWrite, entry.PrecisionBits, nocEnergy)
            : default;
        var steps = new StepSchedule(moves, reuse, differentIterations || reuse == 1, target.Memory?.DmaContiguous ?? false, entry.ReadWrite, moving, reused);
        cost.NocEnergy = steps.NocEnergy();
        steps.Ramps(out var rampUp, out var rampDown);
        cost.RampUp = rampUp;
        cost.RampDown = rampDown;
        var (stalls, moveCycles, cumulative, cumulativeStall) = steps.Stalls(windows, hide, entry.ReadWrite ? 1 : -1, pseudo);
        cost.Stall = stalls;
        cost.MoveCycles = moveCycles;
        cost.Cumulative = cumulative;
        cost.CumulativeStall = cumulativeStall;
        return pair;
    }
}
