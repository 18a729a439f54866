namespace Comet.Workloads.Search;

/// <summary>One candidate of a search space: its index in the enumeration, its free factors and its loop orders.</summary>
/// <param name="Index">The candidate's place in the space's deterministic enumeration (0-based).</param>
/// <param name="Space">The space it belongs to (names the factors and orders).</param>
/// <param name="Factors">The free factors' values, in <see cref="TilingSpace.FactorNames"/> order.</param>
/// <param name="Orders">The loop orders, in <see cref="TilingSpace.OrderNames"/> order.</param>
public sealed record Tiling(long Index, TilingSpace Space, IReadOnlyList<long> Factors, IReadOnlyList<string> Orders)
{
    /// <summary>The value of the free factor <paramref name="name"/>.</summary>
    public long Factor(string name) => Factors[Space.FactorIndex(name)];

    /// <summary>The value of the free factor <paramref name="name"/>, or <paramref name="otherwise"/> when the space does not free it.</summary>
    public long FactorOr(string name, long otherwise) => Space.HasFactor(name) ? Factor(name) : otherwise;

    /// <summary>The loop order named <paramref name="name"/>.</summary>
    public string Order(string name) => Orders[Space.OrderIndex(name)];
}
