using Comet.Hardware.Specs;
using Comet.Workloads.Inputs;

namespace Comet.Workloads.Collectives;

/// <summary>COMET's rule for the tile a collective produces: one home for the mapping validator and the loop-nest analysis.</summary>
public static class CollectiveTileRule
{
    /// <summary>How <paramref name="kind"/> changes the extent of the collective's dimension (exhaustive over the kinds).</summary>
    public static CollectiveExtentChange ChangeOf(CollectiveKind kind) => kind switch
    {
        CollectiveKind.Broadcast or CollectiveKind.Reduction or CollectiveKind.AllReduce => CollectiveExtentChange.Keeps,
        CollectiveKind.Gather or CollectiveKind.AllGather => CollectiveExtentChange.GrowsBySources,
        CollectiveKind.Scatter or CollectiveKind.ReduceScatter => CollectiveExtentChange.SplitsByDestinations,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "a collective kind without a tile rule"),
    };

    /// <summary>Instances taking part: Π instances of <paramref name="levelIds"/> (the sources or the destinations).</summary>
    public static long Instances(ArchitectureSpec arch, IEnumerable<int> levelIds)
    {
        long n = 1;
        foreach (var id in levelIds)
        {
            n *= arch.Levels[id].Instances;
        }

        return n;
    }

    /// <summary>Gathered extent: extent · sources.</summary>
    public static long Gathered(long extent, long sources) => extent * sources;

    /// <summary>One destination's share of an extent: extent ÷ destinations in float32, as the tool divides (the caller truncates).</summary>
    public static float Share(long extent, long destinations) => extent / (float)destinations;
}
