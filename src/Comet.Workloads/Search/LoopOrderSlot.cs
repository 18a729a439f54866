namespace Comet.Workloads.Search;

/// <summary>A temporal loop whose order the wide search permutes: the constant naming its permutation and the factor that loop gives each dimension.</summary>
/// <param name="Name">The constant the mapping's <c>permutation</c> names (e.g. <c>order_GB</c>).</param>
/// <param name="Canonical">The order used when fewer than two dimensions loop (inner to outer, e.g. <c>KNM</c>).</param>
/// <param name="FactorByDimension">The factor constant of each dimension at this loop, by dimension letter.</param>
public sealed record LoopOrderSlot(string Name, string Canonical, IReadOnlyDictionary<char, string> FactorByDimension)
{
    /// <summary>The distinct orders for a tiling: every permutation of the dimensions whose factor here exceeds 1, outermost, after the others in canonical order (orders that only move a factor of 1 are the same loop nest).</summary>
    public IReadOnlyList<string> Orders(Func<string, long> factor)
    {
        ArgumentNullException.ThrowIfNull(factor);
        var looping = Canonical.Where(d => FactorByDimension.TryGetValue(d, out var f) && factor(f) > 1).ToList();
        if (looping.Count < 2)
        {
            return [Canonical];
        }

        var still = new string([.. Canonical.Where(d => !looping.Contains(d))]);
        var result = new List<string>();
        Permute(looping, [], result, still);
        return result;
    }

    private static void Permute(List<char> left, List<char> chosen, List<string> result, string prefix)
    {
        if (left.Count == 0)
        {
            result.Add(prefix + new string([.. chosen]));
            return;
        }

        for (var i = 0; i < left.Count; i++)
        {
            var d = left[i];
            left.RemoveAt(i);
            chosen.Add(d);
            Permute(left, chosen, result, prefix);
            chosen.RemoveAt(chosen.Count - 1);
            left.Insert(i, d);
        }
    }
}
