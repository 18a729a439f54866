namespace Comet.Sim;

/// <summary>Orders <see cref="WheelEntry"/> values by their order key, for the rare batch that must be sorted.</summary>
internal sealed class WheelEntryComparer : IComparer<WheelEntry>
{
    /// <summary>The one instance (stateless).</summary>
    public static readonly WheelEntryComparer Instance = new();

    /// <inheritdoc />
    public int Compare(WheelEntry x, WheelEntry y) => x.Order.CompareTo(y.Order);
}
