namespace Comet.Workloads.Collectives;

/// <summary>What a schedule would take on an idle machine with no contention: per phase its longest port hold, then its longest flow, then its longest combine, summed over the phases.</summary>
public static class CollectiveIdleCost
{
    /// <summary>Σ_phases (max port cycles + max flow cycles + max combine cycles) of <paramref name="schedule"/>.</summary>
    /// <param name="schedule">The schedule.</param>
    /// <param name="port">Cycles of one port hold.</param>
    /// <param name="flow">Cycles of one flow to its farthest destination.</param>
    /// <param name="combine">Cycles of one combine.</param>
    public static long Of(CollectiveSchedule schedule, Func<CollectivePortHold, long> port, Func<CollectiveFlow, long> flow, Func<CollectiveReduction, long> combine)
    {
        long total = 0;
        foreach (var phase in schedule.Phases)
        {
            total += Max(phase.Ports, port) + Max(phase.Flows, flow) + Max(phase.Reductions, combine);
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
