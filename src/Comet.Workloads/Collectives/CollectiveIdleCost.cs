namespace Comet.Workloads.Collectives;

/// <summary>What a schedule would take on an otherwise idle machine: per phase its longest port hold, then its network time (the longest flow, or the busiest link's serialization when the phase's own flows share links), then its longest combine, summed over the phases.</summary>
public static class CollectiveIdleCost
{
    /// <summary>Σ_phases (max port cycles + network cycles + max combine cycles) of <paramref name="schedule"/>.</summary>
    /// <param name="schedule">The schedule.</param>
    /// <param name="port">Cycles of one port hold.</param>
    /// <param name="network">Cycles of a phase's flows together.</param>
    /// <param name="combine">Cycles of one combine.</param>
    public static long Of(CollectiveSchedule schedule, Func<CollectivePortHold, long> port, Func<CollectivePhase, long> network, Func<CollectiveReduction, long> combine)
    {
        long total = 0;
        foreach (var phase in schedule.Phases)
        {
            total += Max(phase.Ports, port) + (phase.Flows.Count > 0 ? network(phase) : 0) + Max(phase.Reductions, combine);
        }

        return total;
    }

    private static long Max<T>(IReadOnlyList<T> items, Func<T, long> cycles)
    {
        long max = 0;
        foreach (var item in items)
        {
            max = Math.Max(max, cycles(item));
        }

        return max;
    }
}
