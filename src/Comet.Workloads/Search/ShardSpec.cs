using System.Globalization;
using Comet.Hardware.Inputs;

namespace Comet.Workloads.Search;

/// <summary>Which deterministic share of a space a run evaluates: the candidates whose index i has i mod <see cref="Count"/> = <see cref="Index"/>.</summary>
/// <param name="Index">This shard's number, 0 ≤ k &lt; n.</param>
/// <param name="Count">The number of shards n.</param>
public sealed record ShardSpec(int Index, int Count)
{
    /// <summary>The whole space (shard 0 of 1).</summary>
    public static ShardSpec Whole { get; } = new(0, 1);

    /// <summary>Whether candidate <paramref name="index"/> belongs to this shard.</summary>
    public bool Holds(long index) => index % Count == Index;

    /// <summary>Parses <c>k/n</c> (e.g. <c>3/64</c>).</summary>
    /// <exception cref="InputException">The text is not of that form or k is not below n.</exception>
    public static ShardSpec Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = text.Split('/');
        if (parts.Length == 2
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var k)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var n)
            && n >= 1 && k < n)
        {
            return new ShardSpec(k, n);
        }

        throw new InputException("--shard", string.Empty, $"'{text}' is not a shard (expected k/n with 0 <= k < n, e.g. 3/64)");
    }

    /// <inheritdoc/>
    public override string ToString() => $"{Index.ToString(CultureInfo.InvariantCulture)}/{Count.ToString(CultureInfo.InvariantCulture)}";
}
