namespace Comet.Workloads.Search;

/// <summary>How one problem dimension may be split in a search: its free factors, whose product must be <see cref="Extent"/> (what the fixed factors leave).</summary>
/// <param name="Dimension">The dimension's name (<c>M</c>, <c>N</c>, <c>K</c>).</param>
/// <param name="Extent">The product the free factors must make.</param>
/// <param name="Slots">The free factors, outermost level first.</param>
public sealed record DimensionSpace(string Dimension, long Extent, IReadOnlyList<FactorSlot> Slots)
{
    /// <summary>Every ordered factorization of <see cref="Extent"/> over the slots within their caps, the first slot's value rising slowest.</summary>
    public IReadOnlyList<long[]> Factorings()
    {
        var result = new List<long[]>();
        var current = new long[Slots.Count];
        Fill(0, Extent, current, result);
        return result;
    }

    private void Fill(int slot, long rest, long[] current, List<long[]> result)
    {
        if (slot == Slots.Count)
        {
            if (rest == 1)
            {
                result.Add((long[])current.Clone());
            }

            return;
        }

        foreach (var d in Generation.TileFactorRule.Divisors(rest))
        {
            if (d > Slots[slot].Cap)
            {
                break;
            }

            current[slot] = d;
            Fill(slot + 1, rest / d, current, result);
        }
    }
}
