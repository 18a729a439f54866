namespace Comet.Workloads.Search;

/// <summary>A search space: the free factors of every dimension and the loops whose order is permuted, numbered in mixed radix so any shard can be enumerated without walking the others.</summary>
/// <remarks>
/// An index is the digits (one factorization per dimension, then one permutation per searched loop, the last digit
/// fastest). An order that only moves dimensions whose factor at that loop is 1 describes the same loop nest as another
/// index; only the one <see cref="LoopOrderSlot.Orders"/> keeps is a candidate, so the space has holes.
/// </remarks>
public sealed class TilingSpace
{
    private readonly IReadOnlyList<IReadOnlyList<long[]>> factorings;
    private readonly IReadOnlyList<IReadOnlyList<string>> permutations;
    private readonly long[] radix;
    private readonly Dictionary<string, int> factorIndex;

    /// <summary>Builds the space of <paramref name="dimensions"/> and <paramref name="loops"/>.</summary>
    public TilingSpace(IReadOnlyList<DimensionSpace> dimensions, IReadOnlyList<LoopOrderSlot> loops)
    {
        ArgumentNullException.ThrowIfNull(dimensions);
        ArgumentNullException.ThrowIfNull(loops);
        Dimensions = dimensions;
        Loops = loops;
        factorings = [.. dimensions.Select(d => d.Factorings())];
        permutations = [.. loops.Select(l => (IReadOnlyList<string>)[.. AllOrders(l.Canonical)])];
        radix = [.. factorings.Select(f => (long)f.Count), .. permutations.Select(p => (long)p.Count)];
        FactorNames = [.. dimensions.SelectMany(d => d.Slots.Select(s => s.Name))];
        OrderNames = [.. loops.Select(l => l.Name)];
        factorIndex = FactorNames.Select((n, i) => (n, i)).ToDictionary(p => p.n, p => p.i, StringComparer.Ordinal);
        Size = radix.Aggregate(1L, (p, r) => p * r);
    }

    /// <summary>Each dimension's free factors.</summary>
    public IReadOnlyList<DimensionSpace> Dimensions { get; }

    /// <summary>The loops whose order is searched (empty: fixed orders).</summary>
    public IReadOnlyList<LoopOrderSlot> Loops { get; }

    /// <summary>Every free factor's name, dimension by dimension, outermost level first.</summary>
    public IReadOnlyList<string> FactorNames { get; }

    /// <summary>The searched loops' permutation constants.</summary>
    public IReadOnlyList<string> OrderNames { get; }

    /// <summary>The index range: candidates have indices 0 ≤ i &lt; Size (with holes where an order repeats another).</summary>
    public long Size { get; }

    /// <summary>Whether <paramref name="name"/> is a free factor of this space.</summary>
    public bool HasFactor(string name) => factorIndex.ContainsKey(name);

    /// <summary>The position of free factor <paramref name="name"/> in <see cref="FactorNames"/>.</summary>
    public int FactorIndex(string name) => factorIndex[name];

    /// <summary>The position of loop order <paramref name="name"/> in <see cref="OrderNames"/>.</summary>
    public int OrderIndex(string name)
    {
        for (var i = 0; i < OrderNames.Count; i++)
        {
            if (OrderNames[i] == name)
            {
                return i;
            }
        }

        throw new KeyNotFoundException(name);
    }

    /// <summary>The candidate at <paramref name="index"/>, or null when that index is a hole (its orders repeat another candidate's loop nest).</summary>
    public Tiling? At(long index)
    {
        var candidate = index;
        var digits = new int[radix.Length];
        for (var d = radix.Length - 1; d >= 0; d--)
        {
            digits[d] = (int)(index % radix[d]);
            index /= radix[d];
        }

        var factors = new long[FactorNames.Count];
        var at = 0;
        for (var d = 0; d < factorings.Count; d++)
        {
            foreach (var f in factorings[d][digits[d]])
            {
                factors[at++] = f;
            }
        }

        var orders = new string[Loops.Count];
        var tiling = new Tiling(-1, this, factors, orders);
        for (var l = 0; l < Loops.Count; l++)
        {
            var order = permutations[l][digits[factorings.Count + l]];
            if (!Loops[l].Orders(tiling.Factor).Contains(order))
            {
                return null;
            }

            orders[l] = order;
        }

        return tiling with { Index = candidate };
    }

    /// <summary>The candidates of <paramref name="shard"/> (indices i with i mod n = k), in index order.</summary>
    public IEnumerable<Tiling> Enumerate(ShardSpec shard)
    {
        ArgumentNullException.ThrowIfNull(shard);
        for (long i = shard.Index; i < Size; i += shard.Count)
        {
            if (At(i) is { } tiling)
            {
                yield return tiling;
            }
        }
    }

    /// <summary>Every candidate, in index order.</summary>
    public IEnumerable<Tiling> Enumerate() => Enumerate(ShardSpec.Whole);

    private static List<string> AllOrders(string dims)
    {
        if (dims.Length <= 1)
        {
            return [dims];
        }

        var result = new List<string>();
        for (var i = 0; i < dims.Length; i++)
        {
            result.AddRange(AllOrders(dims.Remove(i, 1)).Select(rest => dims[i] + rest));
        }

        return result;
    }
}
