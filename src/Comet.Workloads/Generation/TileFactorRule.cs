using Comet.Hardware.Inputs;
using Comet.Workloads.Inputs;

namespace Comet.Workloads.Generation;

/// <summary>The generator's default tile-factor rule and its pieces (docs/generate.md states it in words): split N over the meshes, keep K whole, take the largest row tile that fits every buffer, then the fewest DRAM steps that fit the cluster buffer.</summary>
public static class TileFactorRule
{
    /// <summary>The problem the capacity check reports when tiles do not fit a buffer (MappingValidator's wording).</summary>
    private const string DoesNotFitMarker = "but it holds";

    /// <summary>The divisors of <paramref name="n"/>, smallest first.</summary>
    public static IReadOnlyList<long> Divisors(long n)
    {
        var low = new List<long>();
        var high = new List<long>();
        for (long d = 1; d * d <= n; d++)
        {
            if (n % d == 0)
            {
                low.Add(d);
                if (d != n / d)
                {
                    high.Add(n / d);
                }
            }
        }

        high.Reverse();
        return [.. low, .. high];
    }

    /// <summary>The largest divisor of <paramref name="n"/> that is at most <paramref name="cap"/> (at least 1).</summary>
    public static long LargestDivisorAtMost(long n, long cap) => Divisors(n).Where(d => d <= Math.Max(cap, 1)).Max();

    /// <summary>The extent of <paramref name="dimension"/> per core once split over clusters and cores: size / (clusters · cores).</summary>
    /// <exception cref="InputException">The size is not a multiple of the split (the error names the dimension and the splits tried).</exception>
    public static long PerCore(string dimension, long size, MeshSplit clusters, MeshSplit cores)
    {
        ArgumentNullException.ThrowIfNull(clusters);
        ArgumentNullException.ThrowIfNull(cores);
        var ways = clusters.Ways * cores.Ways;
        return size % ways == 0
            ? size / ways
            : throw Untileable(dimension, size, $"does not split over {clusters} clusters x {cores} cores ({ways} ways; a multiple of {ways} is needed, or give --split)");
    }

    /// <summary>Null when the case's tiles fit every buffer by COMET's own capacity check, else that check's problem (e.g. <c>tiles need 40960 B in IB but it holds 32768 B</c>); any other input error is thrown.</summary>
    public static string? Misfit(string arch, string problem, string mapping, IEnumerable<KeyValuePair<string, string>> constants)
    {
        try
        {
            CometInputLoader.Parse(arch, problem, mapping, ConstantsYamlWriter.Write("candidate", constants));
            return null;
        }
        catch (InputException e) when (e.Problem.Contains(DoesNotFitMarker, StringComparison.Ordinal))
        {
            return e.Problem;
        }
    }

    /// <summary>Chooses the row tile and DRAM steps for <paramref name="rows"/> rows: the largest row tile whose case fits with a single cluster-buffer step per DRAM step (the buffers below the cluster are then the only limit), then the fewest DRAM steps that fit the cluster buffer.</summary>
    /// <param name="rows">Rows each core handles in all (M over the row splits).</param>
    /// <param name="misfit">Null when the case with (row tile, DRAM steps) fits, else why not.</param>
    /// <param name="untileable">Builds the error when not even one row fits, from the last reason and the tiles tried.</param>
    public static (long RowTile, long DramSteps) Choose(long rows, Func<long, long, string?> misfit, Func<string, string, InputException> untileable)
    {
        ArgumentNullException.ThrowIfNull(misfit);
        ArgumentNullException.ThrowIfNull(untileable);
        var tried = new List<long>();
        string? why = null;
        foreach (var tile in Divisors(rows).Reverse())
        {
            tried.Add(tile);
            why = misfit(tile, rows / tile);
            if (why is null)
            {
                var steps = Divisors(rows / tile).First(s => misfit(tile, s) is null);
                return (tile, steps);
            }
        }

        throw untileable(why!, string.Join(", ", tried));
    }

    /// <summary>The one-line error for a shape the rule cannot tile, naming the dimension, its size and what was tried.</summary>
    public static InputException Untileable(string dimension, long size, string what)
        => new("--shape", string.Empty, $"{dimension}={size} cannot be tiled on this preset: {what}");
}
