namespace Comet.Workloads.Analytical;

/// <summary>The energy pass's working counts along one path from the root: per tag, per tensor, a count (iterations or spatial instances).</summary>
internal sealed class AncestorCounts : SortedDictionary<string, SortedDictionary<int, long>>
{
    public AncestorCounts()
        : base(StringComparer.Ordinal)
    {
    }

    public AncestorCounts Copy()
    {
        var copy = new AncestorCounts();
        foreach (var (tag, map) in this)
        {
            copy[tag] = new SortedDictionary<int, long>(map);
        }

        return copy;
    }

    public SortedDictionary<int, long> Tag(string tag)
    {
        if (!TryGetValue(tag, out var map))
        {
            map = new SortedDictionary<int, long>();
            this[tag] = map;
        }

        return map;
    }

    /// <summary>The largest count of any of <paramref name="tensors"/> under any tag (1 when none, with a found flag).</summary>
    public (bool Found, long Max) Find(List<int> tensors)
    {
        var found = false;
        long max = 1;
        foreach (var (_, map) in this)
        {
            foreach (var (tensor, count) in map)
            {
                if (tensors.Contains(tensor))
                {
                    max = Math.Max(max, count);
                    found = true;
                }
            }
        }

        return (found, max);
    }
}
