namespace Comet.Workloads.Collectives;

/// <summary>Binomial-tree schedules over participants 0..p−1 (participant 0 the root): a broadcast in ⌈log2 p⌉ rounds of halving distance, a reduction in ⌈log2 p⌉ rounds of doubling distance with a combine at every receiver.</summary>
/// <remarks>
/// Broadcast round with distance d (the largest power of two below p first, then halving): every participant
/// r ≡ 0 (mod 2d) holding the data sends it to r + d. Reduction round with distance d = 1, 2, 4, …: every
/// r + d with r ≡ 0 (mod 2d) sends its partial result to r, which combines it. With participants numbered row-major
/// on a mesh whose sides are powers of two, the pairs of one round use disjoint links (each round stays in one
/// dimension), so an idle mesh takes Σ_rounds (H_round·h + port + ⌈n/r⌉ [+ combine]).
/// </remarks>
public static class BinomialTree
{
    /// <summary>The broadcast of <paramref name="bytes"/> from participant 0 to all <paramref name="nodes"/>.</summary>
    public static IEnumerable<CollectivePhase> Broadcast(int nodes, long bytes)
    {
        for (var d = HighestPowerOfTwoBelow(nodes); d >= 1; d /= 2)
        {
            yield return Round("binomial_broadcast", Pairs(nodes, d).Select(p => (p.Low, p.High)), bytes, 0);
        }
    }

    /// <summary>The reduction of every participant's <paramref name="bytes"/> (<paramref name="elements"/> elements) into participant 0.</summary>
    public static IEnumerable<CollectivePhase> Reduce(int nodes, long bytes, long elements)
    {
        for (var d = 1; d < nodes; d *= 2)
        {
            yield return Round("tree_reduce", Pairs(nodes, d).Select(p => (p.High, p.Low)), bytes, elements);
        }
    }

    /// <summary>The largest power of two strictly below <paramref name="nodes"/> (0 for one node).</summary>
    public static int HighestPowerOfTwoBelow(int nodes)
    {
        var d = 1;
        while (d * 2 < nodes)
        {
            d *= 2;
        }

        return nodes > 1 ? d : 0;
    }

    private static IEnumerable<(int Low, int High)> Pairs(int nodes, int d)
    {
        for (var r = 0; r + d < nodes; r += 2 * d)
        {
            yield return (r, r + d);
        }
    }

    private static CollectivePhase Round(string name, IEnumerable<(int From, int To)> pairs, long bytes, long elements)
    {
        var ports = new List<CollectivePortHold>();
        var flows = new List<CollectiveFlow>();
        var reductions = new List<CollectiveReduction>();
        foreach (var (from, to) in pairs)
        {
            ports.Add(new CollectivePortHold(from, false, bytes));
            ports.Add(new CollectivePortHold(to, true, bytes));
            flows.Add(new CollectiveFlow(from, [to], bytes, false));
            if (elements > 0)
            {
                reductions.Add(new CollectiveReduction(to, elements));
            }
        }

        return new CollectivePhase(name, ports, flows, reductions);
    }
}
