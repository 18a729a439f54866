namespace Comet.Sim;

/// <summary>The events of one cycle in the timing wheel, in key order; the array is kept when emptied so steady state allocates nothing.</summary>
internal struct WheelSlot
{
    /// <summary>Entries; only the first <see cref="Count"/> are valid.</summary>
    public WheelEntry[]? Items;

    /// <summary>Number of valid entries.</summary>
    public int Count;
}
